package coursekit.kernel.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelSpecTest {

    private static JsonObject install(Path dir, KernelSpec.Builder spec) throws Exception {
        Path installed = spec.build().installInto(dir.resolve("kernels"));
        return JsonParser.parseString(Files.readString(installed.resolve("kernel.json"))).getAsJsonObject();
    }

    private static List<String> argv(JsonObject spec) {
        List<String> argv = new ArrayList<>();
        spec.getAsJsonArray("argv").forEach(a -> argv.add(a.getAsString()));
        return argv;
    }

    private static Path jar(Path dir, String name) throws Exception {
        Path jar = dir.resolve(name);
        Files.createDirectories(jar.getParent());
        Files.write(jar, new byte[] {1});
        return jar;
    }

    @Test
    void argvRunsJavaWithTheClassPathAndTheConnectionFile(@TempDir Path dir) throws Exception {
        JsonObject spec = install(dir, KernelSpec.builder(List.of(jar(dir, "kernel.jar"))).java(Path.of("/opt/java/bin/java")));
        List<String> argv = argv(spec);
        assertEquals("/opt/java/bin/java", argv.get(0));
        assertEquals("coursekit.kernel.KernelMain", argv.get(argv.size() - 2));
        assertEquals("{connection_file}", argv.get(argv.size() - 1));
        assertEquals("-cp", argv.get(argv.size() - 4));
        assertEquals("java", spec.get("language").getAsString());
        assertEquals("message", spec.get("interrupt_mode").getAsString());
    }

    @Test
    void heapEngineTimeoutAndDeviceAreSetAtInstall(@TempDir Path dir) throws Exception {
        JsonObject spec = install(dir, KernelSpec.builder(List.of(jar(dir, "k.jar")))
                .heap("6g").engine("PyTorch").timeoutSeconds(120).device("gpu:1").jvmOption("-XX:+UseG1GC"));
        List<String> argv = argv(spec);
        assertTrue(argv.containsAll(List.of("-Xmx6g", "-Dai.djl.default_engine=PyTorch", "-Dcoursekit.kernel.timeout=120", "-XX:+UseG1GC")), argv.toString());
        assertEquals("gpu:1", spec.getAsJsonObject("env").get("COURSEKIT_DEVICE").getAsString());
    }

    @Test
    void jarsOutsideTheMavenRepositoryAreCopiedAndTheRestReferenced(@TempDir Path dir) throws Exception {
        Path repository = dir.resolve("m2");
        Path fromMaven = jar(repository, "org/x/x-1.jar");
        Path built = jar(dir, "target/kernel.jar");
        JsonObject spec = install(dir, KernelSpec.builder(List.of(built, fromMaven)).mavenRepository(repository));
        List<String> argv = argv(spec);
        String[] classPath = argv.get(argv.size() - 3).split(java.io.File.pathSeparator);
        Path copied = dir.resolve("kernels/coursekit-java/lib/00-kernel.jar");
        assertEquals(List.of(copied.toString(), fromMaven.toString()), List.of(classPath));
        assertTrue(Files.isRegularFile(copied));
    }

    @Test
    void reinstallingReplacesTheOldSpec(@TempDir Path dir) throws Exception {
        install(dir, KernelSpec.builder(List.of(jar(dir, "a.jar"))).heap("1g"));
        JsonObject spec = install(dir, KernelSpec.builder(List.of(jar(dir, "b.jar"))).heap("2g"));
        assertTrue(argv(spec).contains("-Xmx2g"));
        try (var lib = Files.list(dir.resolve("kernels/coursekit-java/lib"))) {
            assertEquals(1, lib.count());
        }
    }

    @Test
    void missingClassPathEntryIsRefusedWithAFix(@TempDir Path dir) {
        KernelSpec spec = KernelSpec.builder(List.of(dir.resolve("nope.jar"))).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> spec.installInto(dir));
        assertTrue(e.getMessage().contains("./kit build"), e.getMessage());
    }

    @Test
    void badNameAndHeapAreRefused(@TempDir Path dir) throws Exception {
        KernelSpec.Builder spec = KernelSpec.builder(List.of(jar(dir, "k.jar")));
        assertThrows(IllegalArgumentException.class, () -> spec.name("my kernel"));
        IllegalArgumentException heap = assertThrows(IllegalArgumentException.class, () -> spec.heap("lots"));
        assertTrue(heap.getMessage().contains("'lots'"), heap.getMessage());
    }

    @Test
    void prefixInstallsUnderShareJupyterKernels() {
        assertEquals(Path.of("/venv/share/jupyter/kernels"), JupyterPaths.prefixKernels(Path.of("/venv")));
    }

    @Test
    void argvIsAJsonArrayOfStrings(@TempDir Path dir) throws Exception {
        JsonArray argv = install(dir, KernelSpec.builder(List.of(jar(dir, "k.jar")))).getAsJsonArray("argv");
        argv.forEach(a -> assertTrue(a.isJsonPrimitive() && a.getAsJsonPrimitive().isString()));
    }
}
