package coursekit.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import coursekit.augment.Augmenter;
import coursekit.data.ImageSet;
import coursekit.model.Head;

/** Turns images of an {@link ImageSet} into the float batches a network eats. */
public final class Batches {

    private Batches() {}

    /** Indices {@code start, start+1, ..., end-1}. */
    public static int[] range(int start, int end) {
        int[] indices = new int[end - start];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = start + i;
        }
        return indices;
    }

    /** The indices {@code 0..size-1} in an order drawn from {@code random} (Fisher-Yates). */
    public static int[] shuffled(int size, java.util.Random random) {
        int[] order = range(0, size);
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    /**
     * The images at {@code indices} as a float32 array (N, C, H, W) scaled to [0, 1], as Keras's
     * {@code rescale=1./255} does.
     */
    public static NDArray images(NDManager manager, ImageSet images, int[] indices) {
        return manager.create(channelsFirst(images, indices), new Shape(indices.length, images.channels(), images.height(), images.width()));
    }

    /**
     * The images at {@code indices} augmented by {@code augmenter} for {@code epoch}, as float32
     * (N, C, H, W) scaled to [0, 1] like {@link #images}; the same seed and epoch give the same batch.
     */
    public static NDArray augmented(NDManager manager, ImageSet images, int[] indices, Augmenter augmenter, long epoch) {
        float[] values = augmenter.channelsFirst(images, indices, epoch, 1f / 255);
        return manager.create(values, new Shape(indices.length, images.channels(), images.height(), images.width()));
    }

    /**
     * The labels at {@code indices} as {@code head}'s loss expects them, the same arrays {@link Fit}
     * trains on: (N, 1) floats 0/1 for a sigmoid head, (N) class indices for a softmax head.
     */
    public static NDArray labels(NDManager manager, ImageSet images, int[] indices, Head head) {
        return Samples.of(images).labels(manager, indices, head);
    }

    /** The images at {@code indices} as channel-first floats in [0, 1]. */
    public static float[] channelsFirst(ImageSet images, int[] indices) {
        int h = images.height();
        int w = images.width();
        int c = images.channels();
        int plane = h * w;
        int bytes = images.imageBytes();
        // One copy of the batch's bytes, so that a photo set decodes the batch's files in parallel.
        byte[] batch = new byte[indices.length * bytes];
        images.copyImages(indices, batch, 0);
        float[] out = new float[indices.length * c * plane];
        for (int n = 0; n < indices.length; n++) {
            int base = n * c * plane;
            int from = n * bytes;
            for (int p = 0; p < plane; p++) {
                for (int ch = 0; ch < c; ch++) {
                    out[base + ch * plane + p] = (batch[from + p * c + ch] & 0xff) / 255f;
                }
            }
        }
        return out;
    }
}
