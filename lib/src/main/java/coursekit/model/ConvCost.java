package coursekit.model;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What one convolution layer costs: its parameters (weights and biases) and the multiply-adds of one
 * forward pass over one image. A standard convolution with a K x K kernel from M to N channels onto an
 * F x F output has K·K·M·N + N parameters and needs K·K·M·N·F·F multiply-adds; MobileNet's depthwise
 * separable convolution splits it into a depthwise K x K step (one filter per input channel) and a
 * pointwise 1 x 1 step, K·K·M + M + M·N + N parameters and (K·K·M + M·N)·F·F multiply-adds, a
 * fraction 1/N + 1/K² of the standard layer's (Howard et al. 2017, MobileNets, section 3.1).
 *
 * @param layer what the layer is, e.g. {@code "standard 5x5, 3 -> 256"}
 */
public record ConvCost(String layer, long parameters, long multiplyAdds) {

    /** A standard convolution from {@code in} to {@code out} channels onto an {@code outHeight} x {@code outWidth} map, with biases. */
    public static ConvCost standard(int kernel, int in, int out, int outHeight, int outWidth) {
        check(kernel, in, out, outHeight, outWidth);
        long weights = (long) kernel * kernel * in * out;
        return new ConvCost("standard " + kernel + "x" + kernel + ", " + in + " -> " + out, weights + out,
                weights * outHeight * outWidth);
    }

    /** A depthwise separable convolution (depthwise then pointwise, each with biases) of the same shape. */
    public static ConvCost depthwiseSeparable(int kernel, int in, int out, int outHeight, int outWidth) {
        check(kernel, in, out, outHeight, outWidth);
        long depthwise = (long) kernel * kernel * in;
        long pointwise = (long) in * out;
        return new ConvCost("depthwise separable " + kernel + "x" + kernel + ", " + in + " -> " + out,
                depthwise + in + pointwise + out, (depthwise + pointwise) * outHeight * outWidth);
    }

    /** The depthwise separable layer's multiply-adds as a fraction of the standard one's: 1/N + 1/K². */
    public static double reduction(int kernel, int out) {
        check(kernel, 1, out, 1, 1);
        return 1.0 / out + 1.0 / ((double) kernel * kernel);
    }

    /** Both layers side by side, with each one's share of the standard layer's cost. */
    public static Table compare(int kernel, int in, int out, int outHeight, int outWidth) {
        ConvCost standard = standard(kernel, in, out, outHeight, outWidth);
        ConvCost separable = depthwiseSeparable(kernel, in, out, outHeight, outWidth);
        return Table.create("Convolution cost onto a " + outHeight + "x" + outWidth + " output",
                StringColumn.create("layer", standard.layer(), separable.layer()),
                LongColumn.create("parameters", standard.parameters(), separable.parameters()),
                LongColumn.create("multiply_adds", standard.multiplyAdds(), separable.multiplyAdds()),
                DoubleColumn.create("share_of_multiply_adds", 1.0, (double) separable.multiplyAdds() / standard.multiplyAdds()));
    }

    private static void check(int kernel, int in, int out, int outHeight, int outWidth) {
        if (kernel < 1 || in < 1 || out < 1 || outHeight < 1 || outWidth < 1) {
            throw new IllegalArgumentException(String.format("Every size of a convolution must be at least 1, but got kernel=%d, "
                    + "in=%d, out=%d, output %dx%d.", kernel, in, out, outHeight, outWidth));
        }
    }
}
