package coursekit.model;

import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import coursekit.weights.KerasWeights;
import coursekit.weights.TfjsLayersModel;
import coursekit.weights.WeightsFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * MobileNet v1 as Keras builds it, layer for layer and with Keras's layer names ({@code conv1},
 * {@code conv1_bn}, {@code conv1_relu}, {@code conv_dw_1}, ..., {@code conv_pw_13_relu}, then the
 * top's {@code conv_preds}), so that ImageNet weights published for Keras and TensorFlow.js load
 * by name.
 *
 * <p>Convolutions pad as TensorFlow's {@code 'same'} (asymmetrically before a stride of 2),
 * batch normalisations use epsilon 0.001, activations are ReLU6, and a {@link Preprocess#tf()}
 * layer first maps the kit's [0, 1] inputs to the [-1, 1] the weights were trained on. The top is
 * global average pooling, dropout and {@code conv_preds}, a 1x1 convolution on a 1x1 map, here
 * the equivalent dense layer; its softmax is the network's {@link Head#SOFTMAX} head.
 *
 * @see <a href="https://arxiv.org/abs/1704.04861">Howard et al. 2017, MobileNets: Efficient
 *     Convolutional Neural Networks for Mobile Vision Applications</a>
 */
public final class MobileNet {

    /** Sizes (pixels) and widths for which ImageNet weights are published. */
    static final List<Integer> IMAGENET_SIZES = List.of(128, 160, 192, 224);
    static final List<Double> IMAGENET_ALPHAS = List.of(0.25, 0.5, 0.75, 1.0);

    /** Pointwise filters (before the width multiplier) and stride of the 13 depthwise separable blocks. */
    private static final int[][] BLOCKS = {
        {64, 1}, {128, 2}, {128, 1}, {256, 2}, {256, 1}, {512, 2},
        {512, 1}, {512, 1}, {512, 1}, {512, 1}, {512, 1}, {1024, 2}, {1024, 1}
    };

    private MobileNet() {}

    /** A builder with Keras's defaults except the width: alpha 0.25, 224x224x3, with the top, ImageNet weights. */
    public static Builder builder() {
        return new Builder();
    }

    /** Settings of a MobileNet; {@link #build()} checks them together. */
    public static final class Builder extends PretrainedBuilder<Builder> {
        private double alpha = 0.25;
        private double dropout = 1e-3;

        private Builder() {}

        /** Width multiplier: every layer has {@code alpha} times the paper's filters (0.25, 0.5, 0.75, 1.0 have ImageNet weights). */
        public Builder alpha(double alpha) {
            this.alpha = alpha;
            return this;
        }

        /** Dropout rate before {@code conv_preds} (Keras's 0.001). */
        public Builder dropout(double dropout) {
            this.dropout = dropout;
            return this;
        }

        /**
         * The network, with its weights loaded.
         *
         * @throws IllegalArgumentException echoing the value when a setting is invalid
         */
        public Network build() {
            String kind = Pretrained.weightsKind(weights);
            if (!(alpha > 0) || alpha > 4) {
                throw new IllegalArgumentException("MobileNet's width multiplier alpha must be in (0, 4]. Received: alpha=" + alpha);
            }
            if (kind.equals("imagenet") && !IMAGENET_ALPHAS.contains(alpha)) {
                throw new IllegalArgumentException("ImageNet weights for MobileNet exist for alpha one of " + IMAGENET_ALPHAS
                        + ". Received: alpha=" + alpha);
            }
            Pretrained.checkInputShape("MobileNet", inputShape, 32);
            checkTop("MobileNet", kind, inputShape[1] == inputShape[2] && IMAGENET_SIZES.contains((int) inputShape[1]),
                    "square with a side in " + IMAGENET_SIZES);
            if (!(dropout >= 0 && dropout < 1)) {
                throw new IllegalArgumentException("The dropout rate must be in [0, 1). Received: dropout=" + dropout);
            }
            Layers layers = layers(alpha, includeTop, classes, (float) dropout, Pretrained.checkPooling(pooling));
            int size = (int) inputShape[1];
            String name = String.format(Locale.ROOT, "mobilenet_%.2f_%d", alpha, size);
            return Pretrained.create(name, layers, inputShape, includeTop ? classes : 0, () -> weightsToLoad(kind, size));
        }

        private KerasWeights weightsToLoad(String kind, int size) {
            switch (kind) {
                case "none":
                    return null;
                case "imagenet": {
                    // Keras loads the 224-pixel weights into a base of any other size: convolutions do not depend on it.
                    int published = inputShape[1] == inputShape[2] && IMAGENET_SIZES.contains(size) ? size : 224;
                    return TfjsLayersModel.read(directory().locate(WeightsFile.mobilenetV1(alpha, published))).weights();
                }
                default:
                    return KerasWeightsLoader.read(Path.of(weights));
            }
        }
    }

    /** The layers of a MobileNet v1 of width {@code alpha}, randomly initialised once a network is made of them. */
    static Layers layers(double alpha, boolean includeTop, int classes, float dropout, String pooling) {
        Layers layers = new Layers();
        layers.add("preprocess", Preprocess.tf());
        int channels = (int) (32 * alpha);
        layers.add("conv1", new KerasConv2d(channels, 3, 2, KerasConv2d.Padding.SAME, false, false));
        layers.add("conv1_bn", new BatchNormalization(1e-3f, 0.99f));
        layers.add("conv1_relu", Activation.relu6Block());
        for (int i = 0; i < BLOCKS.length; i++) {
            int id = i + 1;
            int filters = (int) (BLOCKS[i][0] * alpha);
            layers.add("conv_dw_" + id, new DepthwiseConv2d(channels, 1, 3, BLOCKS[i][1], KerasConv2d.Padding.SAME, false));
            layers.add("conv_dw_" + id + "_bn", new BatchNormalization(1e-3f, 0.99f));
            layers.add("conv_dw_" + id + "_relu", Activation.relu6Block());
            layers.add("conv_pw_" + id, new KerasConv2d(filters, 1, 1, KerasConv2d.Padding.SAME, false, false));
            layers.add("conv_pw_" + id + "_bn", new BatchNormalization(1e-3f, 0.99f));
            layers.add("conv_pw_" + id + "_relu", Activation.relu6Block());
            channels = filters;
        }
        if (includeTop) {
            layers.add("global_average_pooling2d", Pool.globalAvgPool2dBlock());
            layers.add("dropout", Dropout.builder().optRate(dropout).build());
            layers.add("conv_preds", Linear.builder().setUnits(classes).build());
        } else if (pooling != null) {
            layers.add(pooling.equals("avg") ? "global_average_pooling2d" : "global_max_pooling2d",
                    pooling.equals("avg") ? Pool.globalAvgPool2dBlock() : Pool.globalMaxPool2dBlock());
        }
        return layers;
    }
}
