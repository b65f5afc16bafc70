package coursekit.weights;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the real pretrained files that tests read: the weights directory the settings name
 * ({@code COURSEKIT_WEIGHTS}, else {@code ~/.coursekit/weights}), which {@code ./kit test} fills with
 * {@code ./kit fetch mobilenet mobilenet-0.75 squeezenet test-images} before the tests run; else a local copy at
 * {@code shared/pretrained} beside the repository or one of its parent folders. When neither holds them
 * the tests that need them fail, never skip: a run without the weights must not pass quietly.
 */
public final class SharedWeights {

    private static final String NEEDED = "mobilenet_v1_0.25_224_tfjs/model.json";

    private SharedWeights() {}

    /** The directory with the real weight files; fails the calling test when there is none. */
    public static Path directory() {
        String configured = System.getProperty(WeightsDirectory.PROPERTY, System.getenv(WeightsDirectory.VARIABLE));
        if (configured != null && !configured.isBlank()) {
            Path dir = Path.of(configured.trim()).toAbsolutePath();
            if (!Files.isDirectory(dir)) {
                fail(WeightsDirectory.VARIABLE + " points at " + dir + ", which is not a directory; point it at the folder that holds "
                        + "the pretrained files, or unset it and run ./kit fetch mobilenet mobilenet-0.75 squeezenet test-images.");
            }
            return dir;
        }
        Path cache = WeightsDirectory.standard().root();
        if (Files.isRegularFile(cache.resolve(NEEDED))) {
            return cache;
        }
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("pretrained");
            if (Files.isRegularFile(candidate.resolve(NEEDED))) {
                return candidate;
            }
        }
        fail("The pretrained weights the tests read are not in " + cache + ": run ./kit fetch mobilenet mobilenet-0.75 squeezenet test-images "
                + "(./kit test does it first), or set " + WeightsDirectory.VARIABLE + " to a folder that holds them.");
        return null;
    }

    /** {@code name} inside the weights directory; fails the test when it is missing. */
    public static Path file(String name) {
        Path path = directory().resolve(name);
        if (!Files.exists(path)) {
            fail(path + " is missing from the pretrained weights directory; run ./kit fetch mobilenet mobilenet-0.75 squeezenet test-images.");
        }
        return path;
    }
}
