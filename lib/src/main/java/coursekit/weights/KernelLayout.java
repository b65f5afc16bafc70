package coursekit.weights;

/**
 * Converts Keras's channels-last kernels into the layouts DJL's PyTorch engine computes with.
 *
 * <p>Keras stores a convolution kernel as (h, w, in, out), a depthwise kernel as
 * (h, w, in, multiplier) and a dense kernel as (in, out); DJL's {@code Conv2d} wants
 * (out, in / groups, h, w) and its {@code Linear} wants (out, in). Biases and batch-norm vectors
 * keep their layout.
 */
public final class KernelLayout {

    private KernelLayout() {}

    /** A Keras {@code Conv2D} kernel (h, w, in, out) as DJL's (out, in, h, w). */
    public static WeightTensor conv2d(WeightTensor kernel) {
        long[] s = requireRank(kernel, 4, "a Conv2D kernel (h, w, in, out)");
        int h = (int) s[0];
        int w = (int) s[1];
        int in = (int) s[2];
        int out = (int) s[3];
        float[] from = kernel.values();
        float[] to = new float[from.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int i = 0; i < in; i++) {
                    int source = ((y * w + x) * in + i) * out;
                    for (int o = 0; o < out; o++) {
                        to[((o * in + i) * h + y) * w + x] = from[source + o];
                    }
                }
            }
        }
        return new WeightTensor(kernel.name(), new long[] {out, in, h, w}, to);
    }

    /**
     * A Keras {@code DepthwiseConv2D} kernel (h, w, in, multiplier) as DJL's (in * multiplier, 1, h, w)
     * for a {@code Conv2d} with {@code groups = in}: output channel {@code i * multiplier + m}
     * filters input channel {@code i}, the order TensorFlow's depthwise convolution uses.
     */
    public static WeightTensor depthwise(WeightTensor kernel) {
        long[] s = requireRank(kernel, 4, "a DepthwiseConv2D kernel (h, w, in, multiplier)");
        int h = (int) s[0];
        int w = (int) s[1];
        int in = (int) s[2];
        int multiplier = (int) s[3];
        float[] from = kernel.values();
        float[] to = new float[from.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int i = 0; i < in; i++) {
                    for (int m = 0; m < multiplier; m++) {
                        int o = i * multiplier + m;
                        to[(o * h + y) * w + x] = from[((y * w + x) * in + i) * multiplier + m];
                    }
                }
            }
        }
        return new WeightTensor(kernel.name(), new long[] {(long) in * multiplier, 1, h, w}, to);
    }

    /**
     * A Keras {@code Dense} kernel (in, out) as DJL's (out, in); a 1x1 {@code Conv2D} kernel
     * (1, 1, in, out) on a 1x1 map, such as MobileNet's {@code conv_preds}, is the same dense layer.
     */
    public static WeightTensor dense(WeightTensor kernel) {
        long[] s = kernel.shape();
        if (s.length == 4 && s[0] == 1 && s[1] == 1) {
            s = new long[] {s[2], s[3]};
        } else if (s.length != 2) {
            throw new WeightsException("Weight '" + kernel.name() + "' should be a Dense kernel (in, out) or a 1x1 "
                    + "convolution kernel (1, 1, in, out), but its shape is " + WeightTensor.describe(kernel.shape()) + ".");
        }
        int in = (int) s[0];
        int out = (int) s[1];
        float[] from = kernel.values();
        float[] to = new float[from.length];
        for (int i = 0; i < in; i++) {
            for (int o = 0; o < out; o++) {
                to[o * in + i] = from[i * out + o];
            }
        }
        return new WeightTensor(kernel.name(), new long[] {out, in}, to);
    }

    /** The Keras shape (h, w, in, out) of a DJL convolution weight (out, in, h, w). */
    public static long[] kerasConv2dShape(long[] djlShape) {
        return new long[] {djlShape[2], djlShape[3], djlShape[1], djlShape[0]};
    }

    /** The Keras shape (h, w, in, multiplier) of a DJL depthwise weight (in * multiplier, 1, h, w) with {@code in} groups. */
    public static long[] kerasDepthwiseShape(long[] djlShape, long groups) {
        return new long[] {djlShape[2], djlShape[3], groups, djlShape[0] / groups};
    }

    /** The Keras shape (in, out) of a DJL dense weight (out, in). */
    public static long[] kerasDenseShape(long[] djlShape) {
        return new long[] {djlShape[1], djlShape[0]};
    }

    private static long[] requireRank(WeightTensor kernel, int rank, String what) {
        if (kernel.rank() != rank) {
            throw new WeightsException("Weight '" + kernel.name() + "' should be " + what + ", but its shape is "
                    + WeightTensor.describe(kernel.shape()) + ".");
        }
        return kernel.shape();
    }
}
