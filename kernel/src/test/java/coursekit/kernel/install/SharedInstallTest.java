package coursekit.kernel.install;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedInstallTest {

    private static List<String> classPath(Path kernelDir) throws Exception {
        List<String> argv = new ArrayList<>();
        JsonParser.parseString(Files.readString(kernelDir.resolve("kernel.json"))).getAsJsonObject()
                .getAsJsonArray("argv").forEach(a -> argv.add(a.getAsString()));
        return List.of(argv.get(argv.size() - 3).split(File.pathSeparator));
    }

    @Test
    void everyEntryIsCopiedIntoTheSharedFolderAsAJarReadableByAll(@TempDir Path dir) throws Exception {
        Path repository = dir.resolve("m2");
        Path fromMaven = repository.resolve("org/x/x-1.jar");
        Files.createDirectories(fromMaven.getParent());
        Files.write(fromMaven, new byte[] {1, 2, 3});
        Path classes = dir.resolve("target/classes");
        Files.createDirectories(classes.resolve("coursekit/kernel"));
        Files.writeString(classes.resolve("coursekit/kernel/KernelMain.class"), "bytes");
        Files.createDirectories(classes.resolve("META-INF/services"));
        Files.writeString(classes.resolve("META-INF/services/x.Y"), "x.Z");
        Path lib = dir.resolve("prefix/share/coursekit/lib");

        Path kernel = KernelSpec.builder(List.of(classes, fromMaven)).mavenRepository(repository).sharedLib(lib).build()
                .installInto(dir.resolve("prefix/share/jupyter/kernels"));

        assertEquals(List.of(lib.resolve("00-classes.jar").toString(), lib.resolve("01-x-1.jar").toString()), classPath(kernel));
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(lib.resolve("01-x-1.jar")));
        try (JarFile jar = new JarFile(lib.resolve("00-classes.jar").toFile())) {
            assertEquals("bytes", new String(jar.getInputStream(jar.getEntry("coursekit/kernel/KernelMain.class")).readAllBytes()));
            assertEquals("x.Z", new String(jar.getInputStream(jar.getEntry("META-INF/services/x.Y")).readAllBytes()));
            assertTrue(jar.getEntry("coursekit/kernel/").isDirectory());
        }
        assertFalse(Files.exists(kernel.resolve("lib")), "nothing is left in the kernelspec's own lib/");
        try (var files = Files.list(lib)) {
            assertEquals(2, files.count(), "no temporary file is left behind");
        }
        for (Path path : List.of(lib.resolve("00-classes.jar"), lib.resolve("01-x-1.jar"), kernel.resolve("kernel.json"))) {
            assertTrue(Files.getPosixFilePermissions(path).contains(PosixFilePermission.OTHERS_READ), path.toString());
        }
        for (Path folder : List.of(lib, kernel, kernel.getParent())) {
            assertTrue(Files.getPosixFilePermissions(folder).contains(PosixFilePermission.OTHERS_EXECUTE), folder.toString());
        }
    }

    @Test
    void reinstallingReplacesTheJarsAndDeletesOnesNoLongerUsed(@TempDir Path dir) throws Exception {
        Path a = Files.write(dir.resolve("a.jar"), new byte[] {1});
        Path b = Files.write(dir.resolve("b.jar"), new byte[] {2});
        Path lib = dir.resolve("share/coursekit/lib");
        Path kernels = dir.resolve("kernels");
        KernelSpec.builder(List.of(a, b)).sharedLib(lib).build().installInto(kernels);
        Files.write(b, new byte[] {3});
        Path kernel = KernelSpec.builder(List.of(b)).sharedLib(lib).build().installInto(kernels);
        assertEquals(List.of(lib.resolve("00-b.jar").toString()), classPath(kernel));
        assertArrayEquals(new byte[] {3}, Files.readAllBytes(lib.resolve("00-b.jar")));
        try (var files = Files.list(lib)) {
            assertEquals(List.of(lib.resolve("00-b.jar")), files.toList());
        }
    }

    @Test
    void foldersOnlyGainReadPermissions(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectory(dir.resolve("private"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx-w----"));
        KernelSpec.readableByAll(folder);
        assertEquals("rwxrwxr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
    }
}
