package coursekit.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import coursekit.engine.Scalars;

/**
 * The input scaling a pretrained network was trained with, as the network's first layer, so
 * that it eats the kit's batches (RGB floats in [0, 1], channels first) unchanged. The modes are
 * Keras's {@code preprocess_input} modes.
 */
public final class Preprocess extends AbstractBlock {

    /** Keras's {@code preprocess_input} modes. */
    public enum Mode {
        /** To [-1, 1]: Keras's {@code x / 127.5 - 1} on 0-255 values (MobileNet, Inception). */
        TF,
        /** To 0-255 BGR minus the ImageNet mean (103.939, 116.779, 123.68) in BGR order (VGG16, ResNet50). */
        CAFFE
    }

    /** The ImageNet channel means in BGR order, on 0-255 values, that Keras's caffe mode subtracts. */
    static final float[] CAFFE_MEAN_BGR = {103.939f, 116.779f, 123.68f};

    private final Mode mode;

    private Preprocess(Mode mode) {
        this.mode = mode;
    }

    /** MobileNet's scaling: v in [0, 1] becomes 2v - 1, which is x / 127.5 - 1 for x = 255 v. */
    public static Preprocess tf() {
        return new Preprocess(Mode.TF);
    }

    /** VGG16's scaling: 255 v, channels reversed to BGR, minus the ImageNet mean of each channel. */
    public static Preprocess caffe() {
        return new Preprocess(Mode.CAFFE);
    }

    public Mode mode() {
        return mode;
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        if (x.getShape().dimension() != 4 || x.getShape().get(1) != 3) {
            throw new IllegalArgumentException("Preprocessing for a pretrained ImageNet network expects RGB batches (N, 3, H, W), but got "
                    + x.getShape() + ".");
        }
        if (mode == Mode.TF) {
            return new NDList(Scalars.mul(x, 2).sub(1f));
        }
        NDArray mean = x.getManager().create(CAFFE_MEAN_BGR, new Shape(1, 3, 1, 1));
        return new NDList(Scalars.mul(x, 255).flip(1).sub(mean));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    public String toString() {
        return "Preprocess(" + mode.name().toLowerCase(java.util.Locale.ROOT) + ")";
    }
}
