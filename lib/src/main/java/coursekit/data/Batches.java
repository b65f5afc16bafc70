package coursekit.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import coursekit.engine.HostMemory;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * Batches over an {@link ImageSet}: which indices go together, in order for inference or shuffled for
 * training, and the float arrays a network eats.
 *
 * <pre>{@code
 * for (int[] indices : Batches.inOrder(images.size(), Batches.INFERENCE)) {
 *     NDArray x = Batches.images(manager, images, indices);
 *     ...
 * }
 * }</pre>
 */
public final class Batches {

    /**
     * Images per batch of every pass that only reads a network: evaluation, prediction, feature extraction.
     * Every layer's output for the whole batch stays in memory until the batch is closed, about 50 MB an image
     * for VGG16's convolutional base at 150x150, so a batch of 32 peaks under 2 GB, within a laptop's memory.
     */
    public static final int INFERENCE = 32;

    private Batches() {}

    /** The indices {@code 0..size-1} in batches of {@code batchSize}, in order; the last batch may be smaller. */
    public static Iterable<int[]> inOrder(int size, int batchSize) {
        checkBatch(size, batchSize);
        return of(range(0, size), batchSize);
    }

    /**
     * The indices {@code 0..size-1} in an order drawn from {@code random} by this call (Fisher-Yates), in batches of
     * {@code batchSize}; the last batch may be smaller. Iterating again gives the same batches.
     */
    public static Iterable<int[]> shuffled(int size, int batchSize, Random random) {
        checkBatch(size, batchSize);
        int[] order = range(0, size);
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return of(order, batchSize);
    }

    /** Indices {@code start, start+1, ..., end-1}. */
    public static int[] range(int start, int end) {
        if (end < start) {
            throw new IllegalArgumentException("A range of indices must not end before it starts, but got start=" + start + ", end=" + end + ".");
        }
        int[] indices = new int[end - start];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = start + i;
        }
        return indices;
    }

    /**
     * The images at {@code indices} as a float32 array (N, C, H, W) scaled to [0, 1], as Keras's
     * {@code rescale=1./255} does. On the CPU the values are written straight into the engine's array.
     */
    public static NDArray images(NDManager manager, ImageSet images, int[] indices) {
        Shape shape = new Shape(indices.length, images.channels(), images.height(), images.width());
        NDArray array = manager.create(shape, DataType.FLOAT32);
        FloatBuffer memory = HostMemory.floats(array);
        if (memory == null) {
            array.close();
            return manager.create(channelsFirst(images, indices), shape);
        }
        writeChannelsFirst(images, indices, memory);
        return array;
    }

    /**
     * {@code values} as a float32 array of {@code shape}, copied once into the engine's memory where it is on the
     * CPU (the engine's own copy of a Java array goes through a temporary buffer).
     */
    public static NDArray array(NDManager manager, float[] values, Shape shape) {
        NDArray array = manager.create(shape, DataType.FLOAT32);
        FloatBuffer memory = HostMemory.floats(array);
        if (memory == null || memory.capacity() != values.length) {
            array.close();
            return manager.create(values, shape);
        }
        memory.put(0, values);
        return array;
    }

    /** The images at {@code indices} as channel-first floats in [0, 1]. */
    public static float[] channelsFirst(ImageSet images, int[] indices) {
        float[] out = new float[indices.length * images.imageBytes()];
        writeChannelsFirst(images, indices, FloatBuffer.wrap(out));
        return out;
    }

    /** Every element of {@code out} (from 0), one channel plane at a time. */
    private static void writeChannelsFirst(ImageSet images, int[] indices, FloatBuffer out) {
        int c = images.channels();
        int plane = images.height() * images.width();
        int bytes = images.imageBytes();
        // One copy of the batch's bytes, so that a photo set decodes the batch's files in parallel.
        byte[] batch = new byte[indices.length * bytes];
        images.copyImages(indices, batch, 0);
        float[] planeValues = new float[plane];
        for (int n = 0; n < indices.length; n++) {
            for (int ch = 0; ch < c; ch++) {
                int from = n * bytes + ch;
                for (int p = 0; p < plane; p++, from += c) {
                    planeValues[p] = UNIT[batch[from] & 0xff];
                }
                out.put((n * c + ch) * plane, planeValues);
            }
        }
    }

    /** Each byte value over 255, as {@code value / 255f} computes it: a table look-up instead of a division per pixel. */
    private static final float[] UNIT = new float[256];

    static {
        for (int value = 0; value < 256; value++) {
            UNIT[value] = value / 255f;
        }
    }

    private static void checkBatch(int size, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("The batch size must be at least 1, but got batchSize=" + batchSize + ".");
        }
        if (size < 0) {
            throw new IllegalArgumentException("The number of indices to batch must not be negative, but got size=" + size + ".");
        }
    }

    /** {@code order} cut into consecutive batches of {@code batchSize}, each a fresh array. */
    private static Iterable<int[]> of(int[] order, int batchSize) {
        return () -> new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < order.length;
            }

            @Override
            public int[] next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("All " + order.length + " indices have been batched.");
                }
                int end = Math.min(order.length, next + batchSize);
                int[] batch = Arrays.copyOfRange(order, next, end);
                next = end;
                return batch;
            }
        };
    }
}
