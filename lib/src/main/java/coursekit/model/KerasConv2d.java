package coursekit.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A 2-D convolution with Keras's {@code Conv2D} semantics: {@code padding='same'} as TensorFlow
 * pads (when the padding is odd the extra row and column go at the bottom and right, which DJL's
 * symmetric padding cannot express) or {@code 'valid'}, and an optional ReLU inside the layer as
 * Keras's {@code activation='relu'}.
 *
 * <p>Its weight is DJL's (out, in / groups, h, w); {@link coursekit.weights.KernelLayout} converts
 * Keras kernels into it.
 */
public class KerasConv2d extends Conv2d {

    /** Keras's padding modes. */
    public enum Padding {
        /** Output size ceil(input / stride), zero-padded as TensorFlow does. */
        SAME,
        /** No padding. */
        VALID
    }

    private final Padding kerasPadding;
    private final boolean relu;

    /**
     * A convolution of {@code filters} {@code kernel x kernel} filters.
     *
     * @param stride the stride along height and width
     * @param useBias whether the layer adds a bias (Keras's {@code use_bias})
     * @param relu whether a ReLU follows inside the layer
     */
    public KerasConv2d(int filters, int kernel, int stride, Padding padding, boolean useBias, boolean relu) {
        this(Conv2d.builder().setFilters(filters).setKernelShape(new Shape(kernel, kernel)).optStride(new Shape(stride, stride))
                .optBias(useBias), padding, relu);
    }

    protected KerasConv2d(Conv2d.Builder builder, Padding padding, boolean relu) {
        super(builder);
        this.kerasPadding = padding;
        this.relu = relu;
    }

    /** Keras's padding mode of this layer. */
    public Padding kerasPadding() {
        return kerasPadding;
    }

    /** Number of filters (output channels). */
    public int filters() {
        return filters;
    }

    /** The stride along height and width. */
    public Shape stride() {
        return stride;
    }

    /** Number of groups the input channels are split into (1 for a plain convolution). */
    public int groups() {
        return groups;
    }

    /** Whether a ReLU follows inside the layer. */
    public boolean hasRelu() {
        return relu;
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray input = inputs.singletonOrThrow();
        Device device = input.getDevice();
        NDArray weightArray = parameterStore.getValue(weight, device, training);
        NDArray biasArray = bias == null ? null : parameterStore.getValue(bias, device, training);
        Shape conv = new Shape(0, 0);
        if (kerasPadding == Padding.SAME) {
            long[] top = pads(input.getShape().get(2), 0);
            long[] left = pads(input.getShape().get(3), 1);
            if (top[0] == top[1] && left[0] == left[1]) {
                conv = new Shape(top[0], left[0]);
            } else {
                // torch's pad order: last dimension first, (left, right, top, bottom)
                input = input.pad(new Shape(left[0], left[1], top[0], top[1]), 0);
            }
        }
        NDArray out = Conv2d.conv2d(input, weightArray, biasArray, stride, conv, dilation, groups).singletonOrThrow();
        return new NDList(relu ? Activation.relu(out) : out);
    }

    /** TensorFlow's 'same' padding before and after along spatial axis {@code axis} (0: height, 1: width). */
    private long[] pads(long size, int axis) {
        long s = stride.get(axis);
        long effectiveKernel = (kernelShape.get(axis) - 1) * dilation.get(axis) + 1;
        long out = (size + s - 1) / s;
        long total = Math.max((out - 1) * s + effectiveKernel - size, 0);
        return new long[] {total / 2, total - total / 2};
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        if (kerasPadding == Padding.VALID) {
            return super.getOutputShapes(inputs);
        }
        Shape in = inputs[0];
        long height = (in.get(2) + stride.get(0) - 1) / stride.get(0);
        long width = (in.get(3) + stride.get(1) - 1) / stride.get(1);
        return new Shape[] {new Shape(in.get(0), filters, height, width)};
    }
}
