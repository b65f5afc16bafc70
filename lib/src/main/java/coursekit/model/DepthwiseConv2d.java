package coursekit.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;

/**
 * Keras's {@code DepthwiseConv2D}: one {@code kernel x kernel} filter (or {@code multiplier} of
 * them) per input channel, a DJL {@code Conv2d} with as many groups as input channels.
 *
 * <p>Its weight is (channels * multiplier, 1, h, w); Keras stores (h, w, channels, multiplier).
 *
 * @see <a href="https://arxiv.org/abs/1704.04861">Howard et al. 2017, MobileNets</a>
 */
public final class DepthwiseConv2d extends KerasConv2d {

    private final int multiplier;

    /**
     * A depthwise convolution over {@code channels} input channels.
     *
     * @param multiplier filters per input channel (Keras's {@code depth_multiplier})
     */
    public DepthwiseConv2d(int channels, int multiplier, int kernel, int stride, Padding padding, boolean useBias) {
        super(Conv2d.builder().setFilters(channels * multiplier).setKernelShape(new Shape(kernel, kernel))
                .optStride(new Shape(stride, stride)).optGroups(channels).optBias(useBias), padding, false);
        this.multiplier = multiplier;
    }

    /** Filters per input channel (Keras's {@code depth_multiplier}). */
    public int multiplier() {
        return multiplier;
    }
}
