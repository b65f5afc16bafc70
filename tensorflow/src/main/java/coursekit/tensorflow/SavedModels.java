package coursekit.tensorflow;

import java.nio.file.Path;

/**
 * Keras SavedModels on DJL's TensorFlow engine: the entry point of this module. Needs the
 * TensorFlow natives (see the module's pom.xml); the kit's own networks train on PyTorch.
 */
public final class SavedModels {

    private SavedModels() {}

    /**
     * The SavedModel in {@code dir} as a frozen feature extractor, with Keras's defaults: tag "serve",
     * signature "serving_default", its only output, pixels 0 to 255. Close it when done.
     */
    public static SavedModelBackbone featureExtractor(Path dir) {
        return SavedModelBackbone.builder(dir).build();
    }

    /** Settings for a SavedModel whose input needs scaling or whose signature has several outputs. */
    public static SavedModelBackbone.Builder builder(Path dir) {
        return SavedModelBackbone.builder(dir);
    }
}
