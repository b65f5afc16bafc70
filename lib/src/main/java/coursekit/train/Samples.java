package coursekit.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import coursekit.augment.Augmenter;
import coursekit.data.Batches;
import coursekit.data.ImageSet;
import coursekit.model.Head;
import java.util.List;

/**
 * What {@link Fit} draws batches from: labelled inputs of one shape, either images or the
 * features a frozen network computed from them. {@code Samples.of(images)} gives the same input
 * and label arrays that {@code fit} trains on to code that runs a step of its own.
 */
public interface Samples {

    /** How many labelled inputs there are. */
    int size();

    /** One input's shape, e.g. {channels, height, width} or {features}. */
    long[] inputShape();

    /** The class names, in label order. */
    List<String> classNames();

    /** The class index of input {@code index}. */
    int label(int index);

    /** The inputs at {@code indices} as a float32 batch (N, ...inputShape). */
    NDArray inputs(NDManager manager, int[] indices);

    /**
     * The inputs at {@code indices} augmented by {@code augmenter} for {@code epoch}, scaled like {@link #inputs}; the
     * same seed and epoch give the same batch. Only images can be augmented.
     */
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

    /** The images of {@code images} with their labels, as float32 batches (N, C, H, W) in [0, 1]. */
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
                float[] values = augmenter.channelsFirst(images, indices, epoch, 1f / 255);
                return Batches.array(manager, values, new Shape(indices.length, images.channels(), images.height(), images.width()));
            }

            @Override
            public String kind() {
                return "images";
            }
        };
    }
}
