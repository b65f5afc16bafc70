package coursekit.model;

import coursekit.weights.WeightsDirectory;
import java.nio.file.Path;

/**
 * The settings every Keras application shares ({@code input_shape}, {@code include_top},
 * {@code classes}, {@code pooling}, {@code weights}), with Keras's defaults, for the builders of
 * {@link MobileNet} and {@link Vgg16}.
 *
 * @param <B> the concrete builder, returned by each setter so calls chain
 */
public abstract class PretrainedBuilder<B extends PretrainedBuilder<B>> {

    long[] inputShape = {3, 224, 224};
    boolean includeTop = true;
    int classes = 1000;
    String pooling;
    String weights = "imagenet";
    WeightsDirectory directory;

    PretrainedBuilder() {}

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** {channels, height, width}; channels must be 3 and each side at least 32. */
    public B inputShape(long... inputShape) {
        this.inputShape = inputShape.clone();
        return self();
    }

    /** Whether to keep the classification top; false gives the convolutional base. */
    public B includeTop(boolean includeTop) {
        this.includeTop = includeTop;
        return self();
    }

    /** Classes of the top; 1000 with ImageNet weights. */
    public B classes(int classes) {
        this.classes = classes;
        return self();
    }

    /** Without the top: {@code "avg"} or {@code "max"} adds global pooling so the output is (N, channels); null keeps the feature map. */
    public B pooling(String pooling) {
        this.pooling = pooling;
        return self();
    }

    /** {@code "imagenet"} (from the weights directory), {@code "none"} (random), or the path of a weights file. */
    public B weights(String weights) {
        this.weights = weights;
        return self();
    }

    /** Weights from a file: a Keras .h5 file (or, for MobileNet, a TF.js layers model). */
    public B weights(Path file) {
        this.weights = file.toString();
        return self();
    }

    /** Where {@code "imagenet"} weights are looked up; {@link WeightsDirectory#standard()} unless set. */
    public B weightsDirectory(WeightsDirectory directory) {
        this.directory = directory;
        return self();
    }

    /** The weights directory to look {@code "imagenet"} files up in. */
    WeightsDirectory directory() {
        return directory != null ? directory : WeightsDirectory.standard();
    }

    /**
     * Checks the settings of the top, as Keras does: at least one class, 1000 with ImageNet
     * weights, an input the ImageNet top was trained at, and no pooling.
     *
     * @param imagenetInput whether the input shape suits the ImageNet top
     * @param inputHint which input shapes the ImageNet top accepts, for the message
     */
    void checkTop(String model, String weightsKind, boolean imagenetInput, String inputHint) {
        if (!includeTop) {
            return;
        }
        if (classes < 1) {
            throw new IllegalArgumentException(model + "'s top needs at least one class. Received: classes=" + classes);
        }
        if (weightsKind.equals("imagenet") && classes != 1000) {
            throw new IllegalArgumentException("With weights 'imagenet' and the top included, classes must be 1000. Received: classes="
                    + classes);
        }
        if (weightsKind.equals("imagenet") && !imagenetInput) {
            throw new IllegalArgumentException("With weights 'imagenet' and the top included, the input must be " + inputHint
                    + "; use includeTop(false) for other sizes. Received: inputShape=" + java.util.Arrays.toString(inputShape));
        }
        if (pooling != null) {
            throw new IllegalArgumentException("pooling applies only without the top (includeTop(false)). Received: pooling=" + pooling);
        }
    }
}
