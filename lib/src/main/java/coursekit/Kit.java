package coursekit;

import ai.djl.Device;
import coursekit.data.ImageSet;
import coursekit.data.Split;
import coursekit.data.TrainTest;
import coursekit.engine.Devices;
import coursekit.engine.Seeds;
import coursekit.model.ModelSummary;
import coursekit.model.Network;
import coursekit.train.Evaluation;
import coursekit.train.FeatureSet;
import coursekit.train.Fit;
import coursekit.train.FitConfig;
import coursekit.train.History;
import coursekit.train.Optimizer;
import coursekit.train.Optimizers;

/**
 * The notebook facade: {@code import static coursekit.Kit.*;} makes a cell read like the lecture.
 *
 * <pre>{@code
 * var data  = Datasets.catsDogs32().split(0.5, 0.25, 0.25, seed(42)).resize(64, 64);
 * var model = Models.lectureCnn(data.imageShape(), 1);
 * var hist  = fit(model, data, FitConfig.epochs(epochs(30)).optimizer(rmsprop(1e-4)));
 * }</pre>
 */
public final class Kit {

    /** Environment variable that turns on quick mode (small budgets, for CI). */
    public static final String QUICK_VARIABLE = "COURSEKIT_QUICK";

    private static final int QUICK_EPOCHS = 2;

    /** Training images per class that quick mode keeps (validation and test keep half as many). */
    private static final int QUICK_PER_CLASS = 16;

    /** Training and test images per class that quick mode keeps of a train/test dataset such as MNIST. */
    private static final int QUICK_TRAIN_PER_CLASS = 60;
    private static final int QUICK_TEST_PER_CLASS = 20;

    private Kit() {}

    /** Seeds everything random from here on (weights, shuffles, dropout) and returns {@code seed}. */
    public static long seed(long seed) {
        return Seeds.set(seed);
    }

    /** Whether quick mode is on ({@code COURSEKIT_QUICK=1} or system property {@code coursekit.quick=true}). */
    public static boolean quick() {
        String value = System.getProperty("coursekit.quick", System.getenv(QUICK_VARIABLE));
        return value != null && (value.equals("1") || value.equalsIgnoreCase("true"));
    }

    /** {@code full} epochs normally; at most two in quick mode, so CI can run every notebook. */
    public static int epochs(int full) {
        return quick() ? Math.min(full, QUICK_EPOCHS) : full;
    }

    /** {@code full} items normally; at most {@code quickSize} in quick mode. */
    public static int budget(int full, int quickSize) {
        return quick() ? Math.min(full, quickSize) : full;
    }

    /**
     * {@code data} itself normally; in quick mode the first {@value #QUICK_PER_CLASS} training images
     * of each class and half as many validation and test images, what the labs train on there.
     */
    public static Split budget(Split data) {
        if (!quick()) {
            return data;
        }
        return new Split(data.train().firstPerClass(QUICK_PER_CLASS), data.validation().firstPerClass(QUICK_PER_CLASS / 2),
                data.test().firstPerClass(QUICK_PER_CLASS / 2));
    }

    /**
     * {@code data} itself normally; in quick mode its first {@value #QUICK_TRAIN_PER_CLASS} training and
     * {@value #QUICK_TEST_PER_CLASS} test images of each class, what the continual labs train on there.
     */
    public static TrainTest budget(TrainTest data) {
        if (!quick()) {
            return data;
        }
        return new TrainTest(data.train().firstPerClass(QUICK_TRAIN_PER_CLASS), data.test().firstPerClass(QUICK_TEST_PER_CLASS));
    }

    /** The device the kit computes on (GPU when present; {@code COURSEKIT_DEVICE} overrides). */
    public static Device device() {
        return Devices.chosen();
    }

    /** Trains on the split's training set, validating after each epoch; see {@link Fit}. */
    public static History fit(Network network, Split data, FitConfig config) {
        return Fit.fit(network, data, config);
    }

    /** Loss and accuracy on {@code images}. */
    public static Evaluation evaluate(Network network, ImageSet images) {
        return Fit.evaluate(network, images);
    }

    /**
     * Trains a head on features a frozen base computed once ({@code Features.extract}), the lecture's fast
     * feature extraction; {@code validation} may be null.
     */
    public static History fit(Network head, FeatureSet train, FeatureSet validation, FitConfig config) {
        return Fit.fit(head, train, validation, config);
    }

    /** Loss and accuracy of a head on features. */
    public static Evaluation evaluate(Network head, FeatureSet features) {
        return Fit.evaluate(head, features);
    }

    /** The Keras-like layer table of {@code network}. */
    public static ModelSummary summary(Network network) {
        return network.summary();
    }

    /** RMSprop, the lecture's optimizer (rho 0.9). */
    public static Optimizer rmsprop(double learningRate) {
        return Optimizers.rmsprop(learningRate);
    }

    /** Adam with Keras's defaults. */
    public static Optimizer adam(double learningRate) {
        return Optimizers.adam(learningRate);
    }

    /** SGD with momentum. */
    public static Optimizer sgd(double learningRate, double momentum) {
        return Optimizers.sgd(learningRate, momentum);
    }
}
