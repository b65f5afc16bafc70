package coursekit.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import coursekit.weights.KerasHdf5;
import coursekit.weights.KerasWeights;
import coursekit.weights.WeightsFile;
import java.net.URI;
import java.nio.file.Path;

/**
 * VGG16 as Keras builds it, with Keras's layer names ({@code block1_conv1}, {@code block1_conv2},
 * {@code block1_pool}, ..., {@code block5_conv3}, {@code block5_pool}; with the top
 * {@code flatten}, {@code fc1}, {@code fc2}, {@code predictions}), so that Keras's ImageNet weights
 * load by name. The convolutional base has 14,714,688 parameters.
 *
 * <p>Convolutions are 3x3 with {@code 'same'} padding and a ReLU inside the layer; a
 * {@link Preprocess#caffe()} layer first turns the kit's [0, 1] RGB inputs into the 0-255 BGR
 * values minus the ImageNet mean that the weights were trained on.
 *
 * @see <a href="https://arxiv.org/abs/1409.1556">Simonyan and Zisserman 2014, Very Deep
 *     Convolutional Networks for Large-Scale Image Recognition</a>
 */
public final class Vgg16 {

    /** Keras's VGG16 with its 1000-class top (528 MB); the MD5 is the {@code file_hash} Keras checks. */
    public static final WeightsFile IMAGENET_WITH_TOP = new WeightsFile(
            "vgg16_weights_tf_dim_ordering_tf_kernels.h5", WeightsFile.Format.KERAS_HDF5,
            URI.create("https://storage.googleapis.com/tensorflow/keras-applications/vgg16/vgg16_weights_tf_dim_ordering_tf_kernels.h5"),
            "MD5", "64373286793e3c8b2b4e3219cbf3544b");

    /** Filters of each of the five blocks and how many convolutions each has. */
    private static final int[][] BLOCKS = {{64, 2}, {128, 2}, {256, 3}, {512, 3}, {512, 3}};

    private Vgg16() {}

    /** A builder with Keras's defaults: 224x224x3, with the top, ImageNet weights. */
    public static Builder builder() {
        return new Builder();
    }

    /** Settings of a VGG16; {@link #build()} checks them together. */
    public static final class Builder extends PretrainedBuilder<Builder> {

        private Builder() {}

        /**
         * The network, with its weights loaded.
         *
         * @throws IllegalArgumentException echoing the value when a setting is invalid
         */
        public Network build() {
            String kind = Pretrained.weightsKind(weights);
            Pretrained.checkInputShape("VGG16", inputShape, 32);
            checkTop("VGG16", kind, inputShape[1] == 224 && inputShape[2] == 224, "{3, 224, 224}");
            Layers layers = layers(includeTop, classes, Pretrained.checkPooling(pooling));
            return Pretrained.create("vgg16", layers, inputShape, includeTop ? classes : 0, this::weightsToLoad);
        }

        private KerasWeights weightsToLoad() {
            if (Pretrained.weightsKind(weights).equals("none")) {
                return null;
            }
            if (Pretrained.weightsKind(weights).equals("file")) {
                return KerasHdf5.read(Path.of(weights));
            }
            return KerasHdf5.read(directory().locate(includeTop ? IMAGENET_WITH_TOP : WeightsFile.VGG16_NOTOP));
        }
    }

    /** The layers of VGG16, randomly initialised once a network is made of them. */
    static Layers layers(boolean includeTop, int classes, String pooling) {
        Layers layers = new Layers();
        layers.add("preprocess", Preprocess.caffe());
        for (int b = 0; b < BLOCKS.length; b++) {
            for (int c = 1; c <= BLOCKS[b][1]; c++) {
                layers.add("block" + (b + 1) + "_conv" + c, new KerasConv2d(BLOCKS[b][0], 3, 1, KerasConv2d.Padding.SAME, true, true));
            }
            layers.add("block" + (b + 1) + "_pool", Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
        }
        if (includeTop) {
            layers.add("flatten", Blocks.batchFlattenBlock());
            layers.add("fc1", Linear.builder().setUnits(4096).build());
            layers.add("fc1_relu", Activation.reluBlock());
            layers.add("fc2", Linear.builder().setUnits(4096).build());
            layers.add("fc2_relu", Activation.reluBlock());
            layers.add("predictions", Linear.builder().setUnits(classes).build());
        } else if (pooling != null) {
            layers.add(pooling.equals("avg") ? "global_average_pooling2d" : "global_max_pooling2d",
                    pooling.equals("avg") ? Pool.globalAvgPool2dBlock() : Pool.globalMaxPool2dBlock());
        }
        return layers;
    }
}
