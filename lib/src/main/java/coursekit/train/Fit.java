package coursekit.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import coursekit.data.Batches;
import coursekit.data.ImageSet;
import coursekit.data.Split;
import coursekit.engine.Autograd;
import coursekit.engine.Seeds;
import coursekit.model.Network;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * The training loop behind {@code fit(...)}: mini-batch gradient descent over shuffled training
 * images, then a pass over the validation images, once per epoch, recording Keras's metrics.
 *
 * <p>Every array a step creates lives in an {@link NDScope} closed at the end of the step, so
 * memory stays flat however long training runs. The loop does not use DJL's {@code Trainer},
 * whose first-step check wrongly rejects a small head on a frozen base ("Gradient values are all
 * zeros").
 */
public final class Fit {

    private Fit() {}

    /** Trains on {@code data.train()} and validates on {@code data.validation()} after each epoch. */
    public static History fit(Network network, Split data, FitConfig config) {
        return fit(network, data.train(), data.validation(), config);
    }

    /**
     * Trains {@code network} on {@code train}, reporting loss and accuracy on {@code validation}
     * (may be null) after each epoch.
     */
    public static History fit(Network network, ImageSet train, ImageSet validation, FitConfig config) {
        return fit(network, Samples.of(train), validation == null ? null : Samples.of(validation), config);
    }

    /**
     * Trains a head on features a frozen base computed once ({@link Features#extract}), the fast
     * way of the lecture's feature extraction; {@code validation} may be null.
     */
    public static History fit(Network head, FeatureSet train, FeatureSet validation, FitConfig config) {
        return fit(head, (Samples) train, validation, config);
    }

    private static History fit(Network network, Samples train, Samples validation, FitConfig config) {
        checkCompatible(network, train, "training");
        if (validation != null) {
            checkCompatible(network, validation, "validation");
        }
        if (config.augment() != null && !train.kind().equals("images")) {
            throw new IllegalArgumentException("Augmentation needs images, but the training set holds " + train.kind()
                    + "; train end to end on images to augment, or drop augment(...).");
        }
        Autograd.offOnThisThread();
        Optimizer optimizer = config.newOptimizer();
        optimizer.bindTo(network, network.name());
        ProgressDisplay display = config.newProgressDisplay();
        List<Callback> callbacks = new ArrayList<>();
        callbacks.add(display);
        callbacks.addAll(config.callbacks());
        History history = new History();
        long seed = config.seed() != null ? config.seed() : Seeds.next();
        if (config.resume() && config.checkpointDir() != null && Files.exists(Checkpoint.file(config.checkpointDir()))) {
            Checkpoint.Restored restored = Checkpoint.read(config.checkpointDir(), network, optimizer);
            history = restored.history();
            seed = restored.seed();
            display.say("Resuming from " + Checkpoint.file(config.checkpointDir()) + " after epoch " + history.epochs() + ".");
        }
        Map<String, Parameter> trainable = network.trainableParameters();
        Training training = new Training(network, history, config.epochs(), optimizer.learningRate(), display::say);
        callbacks.forEach(c -> c.onTrainBegin(training));
        double rate = Double.NaN;
        Map<String, Float> rates = null;
        for (int epoch = history.epochs(); epoch < config.epochs() && !training.stopRequested(); epoch++) {
            int current = epoch;
            callbacks.forEach(c -> c.onEpochBegin(training, current));
            if (training.learningRate() != rate) {
                rate = training.learningRate();
                rates = LearningRates.perParameter(network, trainable.keySet(), rate, config.rateFactors());
            }
            // Seeding per epoch makes a resumed run draw the same shuffles and dropout masks.
            Seeds.seedEngine(seed * 1_000_003L + epoch);
            Consumer<BatchProgress> afterBatch = step -> callbacks.forEach(c -> c.onBatchEnd(training, current, step));
            Map<String, Double> metrics = trainEpoch(network, train, config, optimizer, trainable, rates, new Random(seed * 31 + epoch), epoch,
                    afterBatch);
            if (validation != null) {
                Evaluation val = evaluate(network, validation, "validation");
                metrics.put(History.VAL_LOSS, val.loss());
                metrics.put(History.VAL_ACCURACY, val.accuracy());
            }
            history.add(metrics);
            if (config.checkpointDir() != null) {
                Checkpoint.write(config.checkpointDir(), network, optimizer, history, seed);
            }
            Map<String, Double> reported = java.util.Collections.unmodifiableMap(metrics);
            callbacks.forEach(c -> c.onEpochEnd(training, current, reported));
        }
        callbacks.forEach(c -> c.onTrainEnd(training));
        return history;
    }

    private static Map<String, Double> trainEpoch(Network network, Samples train, FitConfig config, Optimizer optimizer,
            Map<String, Parameter> trainable, Map<String, Float> rates, Random random, int epoch, Consumer<BatchProgress> afterBatch) {
        double lossSum = 0;
        long correct = 0;
        int batches = 0;
        long seen = 0;
        int planned = (train.size() + config.batchSize() - 1) / config.batchSize();
        long started = System.nanoTime();
        for (int[] indices : Batches.shuffled(train.size(), config.batchSize(), random)) {
            try (NDScope scope = new NDScope()) {
                NDArray x = config.augment() == null
                        ? train.inputs(network.manager(), indices)
                        : train.augmentedInputs(network.manager(), indices, config.augment(), epoch);
                NDArray y = train.labels(network.manager(), indices, network.head());
                int batch = batches + 1;
                GradientStep.Outcome step = GradientStep.run(network, x, logits -> Losses.crossEntropy(network.head(), logits, y),
                        optimizer, trainable, rates, () -> "at epoch " + (epoch + 1) + ", batch " + batch);
                lossSum += step.loss() * indices.length;
                correct += Losses.correct(network.head(), step.logits(), y);
                batches++;
                scope.suppressNotUsedWarning();
            }
            seen += indices.length;
            afterBatch.accept(new BatchProgress(batches, planned, seen, train.size(), lossSum / seen, (System.nanoTime() - started) / 1e9));
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put(History.LOSS, lossSum / train.size());
        metrics.put(History.ACCURACY, (double) correct / train.size());
        return metrics;
    }

    /** Loss and accuracy of {@code network} on {@code images}, in inference mode (no dropout). */
    public static Evaluation evaluate(Network network, ImageSet images) {
        return evaluate(network, Samples.of(images), "evaluation");
    }

    /** Loss and accuracy of a head on features. */
    public static Evaluation evaluate(Network head, FeatureSet features) {
        return evaluate(head, features, "evaluation");
    }

    private static Evaluation evaluate(Network network, Samples images, String role) {
        checkCompatible(network, images, role);
        Autograd.offOnThisThread();
        double lossSum = 0;
        long correct = 0;
        for (int[] indices : Batches.inOrder(images.size(), Batches.INFERENCE)) {
            try (NDScope scope = new NDScope()) {
                NDArray x = images.inputs(network.manager(), indices);
                NDArray y = images.labels(network.manager(), indices, network.head());
                NDArray logits = network.logits(x, false);
                lossSum += Losses.crossEntropy(network.head(), logits, y).getFloat() * indices.length;
                correct += Losses.correct(network.head(), logits, y);
                scope.suppressNotUsedWarning();
            }
        }
        return new Evaluation(lossSum / images.size(), (double) correct / images.size(), images.size());
    }

    private static void checkCompatible(Network network, Samples samples, String role) {
        long[] expected = network.inputShape();
        long[] found = samples.inputShape();
        if (!java.util.Arrays.equals(expected, found)) {
            String hint = expected.length == 3 && found.length == 3
                    ? String.format(Locale.ROOT, "resize the data (e.g. split.resize(%d, %d)) or build the network for this shape",
                            expected[1], expected[2])
                    : "build the network for this input shape";
            throw new IllegalArgumentException("The " + role + " " + samples.kind() + " have shape " + shapeText(found)
                    + " but network '" + network.name() + "' expects " + shapeText(expected) + "; " + hint + ".");
        }
        if (samples.size() == 0) {
            throw new IllegalArgumentException("The " + role + " set is empty; check the split fractions.");
        }
        if (samples.classNames().size() != network.numClasses()) {
            throw new IllegalArgumentException("The " + role + " " + samples.kind() + " have " + samples.classNames().size()
                    + " classes " + samples.classNames() + " but network '" + network.name() + "' predicts "
                    + network.numClasses() + ".");
        }
    }

    private static String shapeText(long[] shape) {
        StringBuilder text = new StringBuilder();
        for (long dim : shape) {
            text.append(text.length() == 0 ? "" : "x").append(dim);
        }
        return text.toString();
    }

}
