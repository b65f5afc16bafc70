package coursekit.kernel.install;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Unpacks DJL's PyTorch libraries into a folder every user can read: DJL otherwise unpacks them (about
 * 440 MB) into each user's {@code ~/.djl.ai} on first use. A kernel started with
 * {@code ENGINE_CACHE_DIR} set to that folder finds them there and writes nothing.
 */
public final class EngineCache {

    private EngineCache() {}

    /** Loads PyTorch in a child JVM with {@code ENGINE_CACHE_DIR=dir}; true when its libraries are there after. */
    public static boolean fill(Path dir, List<Path> classPath) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = String.join(File.pathSeparator, classPath.stream().map(Path::toString).toList());
        try {
            Files.createDirectories(dir);
            Process process = new ProcessBuilder(java, "-DENGINE_CACHE_DIR=" + dir, "-Dai.djl.offline=true", "-cp", cp,
                    EngineCache.class.getName()).redirectErrorStream(true).start();
            process.getInputStream().transferTo(OutputStream.nullOutputStream());
            if (!process.waitFor(300, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            if (process.exitValue() != 0 || !Files.isDirectory(dir.resolve("pytorch"))) {
                return false;
            }
            // DJL creates its folders for its own user only.
            try (Stream<Path> files = Files.walk(dir)) {
                KernelSpec.readableByAll(files.toArray(Path[]::new));
            }
            KernelSpec.readableByAll(dir.getParent());
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack PyTorch's libraries into " + dir + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Loads the PyTorch engine, which unpacks its libraries into {@code ENGINE_CACHE_DIR}. */
    public static void main(String[] args) {
        try {
            ai.djl.engine.Engine.getEngine("PyTorch");
        } catch (RuntimeException | LinkageError noEngine) {
            System.exit(1);
        }
    }
}
