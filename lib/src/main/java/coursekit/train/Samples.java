package coursekit.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import coursekit.augment.Augmenter;
import coursekit.data.ImageSet;
import coursekit.model.Head;
import java.util.List;

/**
 * What {@link Fit} draws batches from: labelled inputs of one shape, either images or the
 * features a frozen network computed from them.
 */
interface Samples {

    int size();

    /** One input's shape, e.g. {channels, height, width} or {features}. */
    long[] inputShape();

    List<String> classNames();

    int label(int index);

    /** The inputs at {@code indices} as a float32 batch (N, ...inputShape). */
    NDArray inputs(NDManager manager, int[] indices);

    /** The inputs at {@code indices} augmented for {@code epoch}; only images can be augmented. */
    NDArray augmentedInputs(NDManager manager, int[] indices, Augmenter augmenter, long epoch);

    /** What the samples are, for messages: "images" or "features". */
    String kind();

    /** The labels at {@code indices} as {@code head}'s loss expects them: (N, 1) floats 0/1 for sigmoid, (N) class indices for softmax. */
    default NDArray labels(NDManager manager, int[] indices, Head head) {
        if (head == Head.SIGMOID) {
            float[] values = new float[indices.length];
            for (int i = 0; i < indices.length; i++) {
                values[i] = label(indices[i]);
            }
            return manager.create(values, new Shape(indices.length, 1));
        }
        int[] values = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            values[i] = label(indices[i]);
        }
        return manager.create(values, new Shape(indices.length));
    }

    static Samples of(ImageSet images) {
        return new Samples() {
            @Override
            public int size() {
                return images.size();
            }

            @Override
            public long[] inputShape() {
                return images.imageShape();
            }

            @Override
            public List<String> classNames() {
                return images.classNames();
            }

            @Override
            public int label(int index) {
                return images.label(index);
            }

            @Override
            public NDArray inputs(NDManager manager, int[] indices) {
                return Batches.images(manager, images, indices);
            }

            @Override
            public NDArray augmentedInputs(NDManager manager, int[] indices, Augmenter augmenter, long epoch) {
                return Batches.augmented(manager, images, indices, augmenter, epoch);
            }

            @Override
            public String kind() {
                return "images";
            }
        };
    }
}
