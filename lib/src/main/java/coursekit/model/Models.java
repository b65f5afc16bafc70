package coursekit.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import java.util.List;

/** Model presets that the lectures use, by the names the lectures give them. */
public final class Models {

    private Models() {}

    /**
     * The lecture's small convnet for learning from little data: four stages of a 3x3 convolution
     * (32, 64, 128, 128 filters, ReLU, no padding) and a 2x2 max-pool, then flatten, dense 512
     * with ReLU, and the output layer. At 150x150x3 with one sigmoid output it has 3,453,121
     * parameters.
     *
     * @param inputShape {channels, height, width}; each side must be at least 46 pixels so that
     *     four unpadded stages leave at least one pixel
     * @param outputs 1 for a sigmoid (two-class) output, else one softmax unit per class
     */
    public static Network lectureCnn(long[] inputShape, int outputs) {
        return lectureCnn(inputShape, outputs, 0.0);
    }

    /** {@link #lectureCnn(long[], int)} with a dropout layer of {@code dropoutRate} after flatten, as in the lecture's second model. */
    public static Network lectureCnn(long[] inputShape, int outputs, double dropoutRate) {
        checkLectureCnnInput(inputShape);
        if (dropoutRate < 0 || dropoutRate >= 1) {
            throw new IllegalArgumentException("The dropout rate must be in [0, 1), but got dropoutRate=" + dropoutRate + ".");
        }
        Layers layers = new Layers();
        for (int filters : new int[] {32, 64, 128, 128}) {
            layers.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(filters).build());
            layers.addNumbered("re_lu", Activation.reluBlock());
            layers.addNumbered("max_pooling2d", Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
        }
        layers.add("flatten", Blocks.batchFlattenBlock());
        if (dropoutRate > 0) {
            layers.add(Dropout.builder().optRate((float) dropoutRate).build());
        }
        layers.add(Linear.builder().setUnits(512).build());
        layers.addNumbered("re_lu", Activation.reluBlock());
        layers.add(Linear.builder().setUnits(outputs).build());
        Head head = Head.forOutputs(outputs);
        return Network.create("lecture_cnn", layers, inputShape, head, head == Head.SIGMOID ? 2 : outputs);
    }

    /**
     * The lecture CNN with batch normalisation in every stage, in the order the course notes advise: a
     * 3x3 convolution without bias (the normalisation's beta takes its place), batch normalisation, then
     * ReLU and the 2x2 max-pool. Everything else is as in {@link #lectureCnn(long[], int)}; each stage
     * adds 4 x filters parameters (gamma and beta trained, the moving mean and variance not) and drops
     * its filters' biases.
     */
    public static Network lectureCnnWithBatchNorm(long[] inputShape, int outputs) {
        checkLectureCnnInput(inputShape);
        Layers layers = new Layers();
        for (int filters : new int[] {32, 64, 128, 128}) {
            layers.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(filters).optBias(false).build());
            layers.add(new BatchNormalization());
            layers.addNumbered("re_lu", Activation.reluBlock());
            layers.addNumbered("max_pooling2d", Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
        }
        layers.add("flatten", Blocks.batchFlattenBlock());
        layers.add(Linear.builder().setUnits(512).build());
        layers.addNumbered("re_lu", Activation.reluBlock());
        layers.add(Linear.builder().setUnits(outputs).build());
        Head head = Head.forOutputs(outputs);
        return Network.create("lecture_cnn_bn", layers, inputShape, head, head == Head.SIGMOID ? 2 : outputs);
    }

    /**
     * A multilayer perceptron: flatten, then a dense layer with ReLU for each of {@code hidden},
     * then the output layer. {@code mlp({1, 28, 28}, 10, 256, 256)}, the continual-learning
     * labs' network for Split-MNIST, has 269,322 parameters and trains on a CPU in seconds;
     * {@link Network#features} gives its last hidden layer's activations.
     *
     * @param outputs 1 for a sigmoid (two-class) output, else one softmax unit per class
     */
    public static Network mlp(long[] inputShape, int outputs, int... hidden) {
        Layers layers = new Layers();
        layers.add("flatten", Blocks.batchFlattenBlock());
        for (int units : hidden) {
            if (units < 1) {
                throw new IllegalArgumentException("Every hidden layer needs at least one unit, but got hidden="
                        + java.util.Arrays.toString(hidden) + ".");
            }
            layers.add(Linear.builder().setUnits(units).build());
            layers.addNumbered("re_lu", Activation.reluBlock());
        }
        layers.add(Linear.builder().setUnits(outputs).build());
        Head head = Head.forOutputs(outputs);
        return Network.create("mlp", layers, inputShape, head, head == Head.SIGMOID ? 2 : outputs);
    }

    /**
     * LeNet-5 (LeCun et al. 1998) for {@code inputShape} images: two stages of a 5x5 convolution (6, then 16
     * filters, tanh) and a 2x2 average pool, then dense 120 and 84 with tanh and the output layer. At the
     * paper's 32x32x1 with 10 classes it has 61,706 parameters (its C5 layer, a 5x5 convolution over a 5x5
     * map, is the dense 120 here). MNIST's 28-pixel digits padded to 32 are its input.
     *
     * @param outputs 1 for a sigmoid (two-class) output, else one softmax unit per class
     */
    public static Network leNet5(long[] inputShape, int outputs) {
        if (inputShape.length != 3 || inputShape[1] < 16 || inputShape[2] < 16) {
            throw new IllegalArgumentException("LeNet-5 needs an input shape {channels, height, width} with sides of at least 16 "
                    + "pixels, but got " + java.util.Arrays.toString(inputShape) + ".");
        }
        Layers layers = new Layers();
        for (int filters : new int[] {6, 16}) {
            layers.add(Conv2d.builder().setKernelShape(new Shape(5, 5)).setFilters(filters).build());
            layers.addNumbered("activation", Activation.tanhBlock());
            layers.addNumbered("average_pooling2d", Pool.avgPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
        }
        layers.add("flatten", Blocks.batchFlattenBlock());
        for (int units : new int[] {120, 84}) {
            layers.add(Linear.builder().setUnits(units).build());
            layers.addNumbered("activation", Activation.tanhBlock());
        }
        layers.add(Linear.builder().setUnits(outputs).build());
        Head head = Head.forOutputs(outputs);
        return Network.create("lenet5", layers, inputShape, head, head == Head.SIGMOID ? 2 : outputs);
    }

    /**
     * The CIFAR ResNet-32 for 32x32 colour images, iCaRL's network for iCIFAR-100 (He et al. 2016,
     * section 4.2): 464,154 trainable parameters for 10 classes, 469,994 for 100; see {@link ResNet32}.
     * {@link Network#features} gives the 64 globally pooled features.
     */
    public static Network resnet32(int numClasses) {
        return ResNet32.create(new long[] {3, 32, 32}, numClasses);
    }

    /**
     * ImageNet MobileNet v1 (width 0.25, 224x224x3) with its 1000-class top and pretrained
     * weights from the weights directory, Keras's {@code MobileNet(alpha=0.25)}; read its output
     * with {@link #decodePredictions}. {@link MobileNet#builder()} sets everything else.
     */
    public static Network mobilenet() {
        return MobileNet.builder().build();
    }

    /**
     * The convolutional base of ImageNet MobileNet v1 (width 0.25) for inputs of
     * {@code inputShape} (3, height, width; sides at least 32), Keras's
     * {@code MobileNet(alpha=0.25, include_top=False, input_shape=...)}: its output is the
     * {@code conv_pw_13_relu} feature map, 256 channels at 1/32 of the input's size.
     */
    public static Network mobilenet(long[] inputShape) {
        return MobileNet.builder().includeTop(false).inputShape(inputShape).build();
    }

    /**
     * The convolutional base of ImageNet MobileNet v1 of width {@code alpha} (0.25, 0.5, 0.75 or 1.0) for
     * inputs of {@code inputShape}, Keras's {@code MobileNet(alpha=..., include_top=False, input_shape=...)}:
     * its output has {@code 1024 * alpha} channels at 1/32 of the input's size. Width 0.75 (68.4% ImageNet
     * top-1 against 0.25's 49.8%) costs about six times the multiply-adds.
     */
    public static Network mobilenet(double alpha, long[] inputShape) {
        return MobileNet.builder().alpha(alpha).includeTop(false).inputShape(inputShape).build();
    }

    /**
     * ImageNet VGG16 with its 1000-class top (224x224x3), Keras's {@code VGG16()}; the weights
     * file is 528 MB. {@link Vgg16#builder()} sets everything else.
     */
    public static Network vgg16() {
        return Vgg16.builder().build();
    }

    /**
     * The convolutional base of ImageNet VGG16 for inputs of {@code inputShape} (3, height,
     * width; sides at least 32), Keras's {@code VGG16(weights='imagenet', include_top=False,
     * input_shape=...)}: 14,714,688 parameters, output the {@code block5_pool} feature map (512
     * channels at 1/32 of the input's size).
     */
    public static Network vgg16(long[] inputShape) {
        return Vgg16.builder().includeTop(false).inputShape(inputShape).build();
    }

    /** The {@code top} most probable ImageNet classes of each row of {@code probabilities} (N, 1000); see {@link ImageNet}. */
    public static List<List<ImageNet.Prediction>> decodePredictions(NDArray probabilities, int top) {
        return ImageNet.decodePredictions(probabilities, top);
    }

    private static void checkLectureCnnInput(long[] inputShape) {
        if (inputShape.length != 3) {
            throw new IllegalArgumentException("The input shape must be {channels, height, width}, but got "
                    + java.util.Arrays.toString(inputShape) + ".");
        }
        for (int side = 1; side <= 2; side++) {
            long size = inputShape[side];
            for (int stage = 0; stage < 4; stage++) {
                size = (size - 2) / 2;
            }
            if (size < 1) {
                throw new IllegalArgumentException("The lecture CNN's four unpadded 3x3 conv + 2x2 pool stages need images of "
                        + "at least 46x46 pixels, but got " + inputShape[1] + "x" + inputShape[2]
                        + "; resize the data first, e.g. split.resize(64, 64).");
            }
        }
    }

    /**
     * A classifier head on {@code base} sharing its layers, e.g. the lecture's frozen VGG16
     * convolutional base with Flatten, Dense 256, Dropout 0.5 and one sigmoid output.
     */
    public static Classifier classifier(Network base) {
        return Classifier.on(base);
    }

    /** A classifier head alone, for features of {@code featureShape} computed earlier by a frozen base. */
    public static Classifier classifier(long[] featureShape) {
        return Classifier.forFeatures(featureShape);
    }
}
