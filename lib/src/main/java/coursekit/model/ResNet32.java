package coursekit.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import java.util.List;

/**
 * The CIFAR ResNet-32 of He, Zhang, Ren and Sun (2016, https://arxiv.org/abs/1512.03385,
 * section 4.2), the network of iCaRL's iCIFAR-100 experiments: a 3x3 convolution with 16 filters,
 * three stages of five basic blocks (16, 32 and 64 filters; the second and third stages halve the
 * image), global average pooling and the output layer. Shortcuts that change the shape subsample
 * and pad the new channels with zeros (the paper's option A), so they add no parameters: 464,154
 * trainable parameters for 10 classes, as the paper's 0.46M.
 */
final class ResNet32 {

    private static final int BLOCKS_PER_STAGE = 5;
    private static final int[] FILTERS = {16, 32, 64};

    private ResNet32() {}

    static Network create(long[] inputShape, int numClasses) {
        if (numClasses < 2) {
            throw new IllegalArgumentException("ResNet-32 predicts at least 2 classes with a softmax, but got numClasses=" + numClasses + ".");
        }
        Layers layers = new Layers();
        layers.add(conv(16, 1));
        layers.add(batchNorm());
        layers.addNumbered("re_lu", Activation.reluBlock());
        int channels = 16;
        for (int stage = 0; stage < FILTERS.length; stage++) {
            for (int block = 0; block < BLOCKS_PER_STAGE; block++) {
                int stride = stage > 0 && block == 0 ? 2 : 1;
                layers.add("stage" + (stage + 1) + "_block" + (block + 1), basicBlock(channels, FILTERS[stage], stride));
                channels = FILTERS[stage];
            }
        }
        layers.add("global_average_pooling2d", Pool.globalAvgPool2dBlock());
        layers.add(Linear.builder().setUnits(numClasses).build());
        return Network.create("resnet32", layers, inputShape, Head.SOFTMAX, numClasses);
    }

    /** conv-BN-ReLU-conv-BN plus the shortcut, then ReLU. */
    private static Block basicBlock(int in, int out, int stride) {
        SequentialBlock residual = new SequentialBlock()
                .add(conv(out, stride))
                .add(batchNorm())
                .add(Activation.reluBlock())
                .add(conv(out, 1))
                .add(batchNorm());
        Block shortcut = in == out && stride == 1 ? new LambdaBlock(x -> x, "identity") : new LambdaBlock(x -> padded(x, out - in, stride), "shortcut");
        return new ParallelBlock(branches -> new NDList(Activation.relu(branches.get(0).singletonOrThrow().add(branches.get(1).singletonOrThrow()))),
                List.of(residual, shortcut));
    }

    /** Option A: keep every {@code stride}-th pixel and append {@code extra} channels of zeros. */
    private static NDList padded(NDList input, int extra, int stride) {
        NDArray x = input.singletonOrThrow().get(new NDIndex(":, :, ::" + stride + ", ::" + stride));
        Shape shape = x.getShape();
        NDArray zeros = x.getManager().zeros(new Shape(shape.get(0), extra, shape.get(2), shape.get(3)), x.getDataType(), x.getDevice());
        return new NDList(NDArrays.concat(new NDList(x, zeros), 1));
    }

    private static Conv2d conv(int filters, int stride) {
        return Conv2d.builder().setKernelShape(new Shape(3, 3)).optStride(new Shape(stride, stride)).optPadding(new Shape(1, 1))
                .setFilters(filters).optBias(false).build();
    }

    /** PyTorch's defaults (epsilon 1e-5, running averages updated by 0.1), which the CIFAR ResNets were trained with. */
    private static BatchNormalization batchNorm() {
        return new BatchNormalization(1e-5f, 0.9f);
    }
}
