package coursekit.weights;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the real pretrained files that tests read: {@code COURSEKIT_WEIGHTS} (or property
 * {@code coursekit.weights}) when set, else {@code shared/pretrained} beside the repository or one
 * of its parent folders ({@code ../shared/pretrained} for a clone at {@code /work/main} or
 * {@code /tmp/x/c}). When neither exists the tests that need them fail, never skip: a CI run without
 * the weights must not pass quietly.
 */
public final class SharedWeights {

    private SharedWeights() {}

    /** The directory with the real weight files; fails the calling test when there is none. */
    public static Path directory() {
        String configured = System.getProperty(WeightsDirectory.PROPERTY, System.getenv(WeightsDirectory.VARIABLE));
        if (configured != null && !configured.isBlank()) {
            Path dir = Path.of(configured.trim()).toAbsolutePath();
            if (!Files.isDirectory(dir)) {
                fail(WeightsDirectory.VARIABLE + " points at " + dir + ", which is not a directory; point it at the folder that holds "
                        + "the pretrained files (on the course machines ../shared/pretrained).");
            }
            return dir;
        }
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("pretrained");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        fail("The pretrained weights directory was not found: set " + WeightsDirectory.VARIABLE + " to the folder holding "
                + "mobilenet_v1_0.25_224_tfjs/ and squeezenet_weights_tf_dim_ordering_tf_kernels_notop.h5, or place it at "
                + "../shared/pretrained beside the repository (searched upwards from " + here + ").");
        return null;
    }

    /** {@code name} inside the weights directory; fails the test when it is missing. */
    public static Path file(String name) {
        Path path = directory().resolve(name);
        if (!Files.exists(path)) {
            fail(path + " is missing from the pretrained weights directory; see ../shared/pretrained/PROVENANCE.md for what it holds.");
        }
        return path;
    }
}
