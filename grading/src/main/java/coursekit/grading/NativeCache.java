package coursekit.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Fills DJL's native-library cache before the first submission runs: submissions see the cache read-only
 * (and their own folders cannot hold executable code), so PyTorch's libraries must be unpacked by the
 * grader, once, in a JVM that runs no submitted code.
 */
final class NativeCache {

    private NativeCache() {}

    /** Unpacks the PyTorch engine's libraries into {@code cache} unless they are there. */
    static void ensure(Path cache, String classPath, String javaBinary) throws IOException {
        if (Files.isDirectory(cache.resolve("pytorch"))) {
            return;
        }
        Process process = new ProcessBuilder(List.of(javaBinary, "-DENGINE_CACHE_DIR=" + cache, "-Dai.djl.offline=true", "-cp", classPath,
                NativeCache.class.getName())).redirectErrorStream(true).start();
        process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        try {
            if (!process.waitFor(300, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** Loads the PyTorch engine, which unpacks its libraries into the cache; a kit without it has nothing to unpack. */
    public static void main(String[] args) {
        try {
            ai.djl.engine.Engine.getEngine("PyTorch");
        } catch (RuntimeException | LinkageError noEngine) {
            System.exit(1);
        }
    }
}
