package coursekit.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import coursekit.weights.SharedWeights;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** The two test photos of the shared weights directory as the kit's batches: (1, 3, 224, 224) floats in [0, 1]. */
final class PretrainedImages {

    private PretrainedImages() {}

    static NDArray load(NDManager manager, String name) {
        byte[] rgb;
        try {
            rgb = Files.readAllBytes(SharedWeights.file("images/" + name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int plane = 224 * 224;
        if (rgb.length != 3 * plane) {
            throw new IllegalStateException(name + " should hold 224x224x3 bytes but has " + rgb.length);
        }
        float[] chw = new float[3 * plane];
        for (int p = 0; p < plane; p++) {
            for (int c = 0; c < 3; c++) {
                chw[c * plane + p] = (rgb[p * 3 + c] & 0xff) / 255f;
            }
        }
        return manager.create(chw, new Shape(1, 3, 224, 224));
    }
}
