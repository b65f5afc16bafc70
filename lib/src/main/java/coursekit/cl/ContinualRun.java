package coursekit.cl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import coursekit.data.Batches;
import coursekit.data.ImageSet;
import coursekit.engine.Seeds;
import coursekit.model.Head;
import coursekit.model.Network;
import coursekit.train.GradientStep;
import coursekit.train.Losses;
import coursekit.train.Optimizer;
import coursekit.train.Samples;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The state of one {@link ContinualTrainer#run}: the network, its optimizer, and where each experience's units
 * lie; it trains one experience, measures the accuracy on another, and gives plugins copies, features and
 * Fisher diagonals of the network.
 */
final class ContinualRun implements AutoCloseable {

    /** The logit that masks a unit out of a softmax: exp of it is 0 in float arithmetic, and times 0 it stays finite. */
    private static final float OTHER_HEAD = -1e30f;

    private final IntFunction<Network> model;
    private final int epochs;
    private final int batchSize;
    private final Supplier<Optimizer> optimizer;
    private final long seed;

    private final Scenario scenario;
    private final int units;
    private final int[] offsets;
    /** One past the last active unit after each experience, computed once: training and every R[i][j] ask for it. */
    private final int[] ends;
    /** Each experience's training set with global labels, made on first use. */
    private final ImageSet[] experienceData;
    private Network network;
    private Optimizer opt;

    ContinualRun(ContinualTrainer trainer, Scenario scenario) {
        this.model = trainer.model;
        this.epochs = trainer.epochs;
        this.batchSize = trainer.batchSize;
        this.optimizer = trainer.optimizer;
        this.seed = trainer.seed;
        this.scenario = scenario;
        this.offsets = new int[scenario.size()];
        int total = 0;
        for (int i = 0; i < scenario.size(); i++) {
            offsets[i] = scenario.taskIncremental() ? total : 0;
            total += scenario.experience(i).classes().length;
        }
        this.units = scenario.taskIncremental() ? total : scenario.numClasses();
        this.ends = new int[scenario.size()];
        this.experienceData = new ImageSet[scenario.size()];
        int end = 0;
        for (int i = 0; i < scenario.size(); i++) {
            for (int c : scenario.experience(i).classes()) {
                end = Math.max(end, c + 1);
            }
            ends[i] = scenario.taskIncremental() ? offsets[i] + scenario.experience(i).classes().length : end;
        }
        checkClassOrder();
        start();
    }

    /** A new network with a new optimizer: optimizer state lives in the network's manager, so one per network keeps memory flat. */
    private void start() {
        network = model.apply(units);
        opt = optimizer.get();
        opt.bindTo(network, network.name());
    }

    /** The class-incremental masking keeps a prefix of units active, so the classes seen must always be 0..k-1. */
    private void checkClassOrder() {
        if (scenario.taskIncremental()) {
            return;
        }
        java.util.Set<Integer> seen = new java.util.TreeSet<>();
        for (int i = 0; i < scenario.size(); i++) {
            for (int c : scenario.experience(i).classes()) {
                seen.add(c);
            }
            if (activeEnd(i) != seen.size() || activeEnd(i) > scenario.numClasses()) {
                throw new IllegalArgumentException("After experience " + i + " of " + scenario.name() + " the classes seen are " + seen
                        + ", but the trainer needs them to be 0.." + (seen.size() - 1) + " of the " + scenario.numClasses()
                        + " (each experience bringing the labels after those before it, as Scenarios.classIncremental numbers them).");
            }
        }
    }

    /** One past the last active unit after experience {@code i} (class-incremental: the classes seen so far). */
    int activeEnd(int i) {
        return i < 0 ? 0 : ends[i];
    }

    /**
     * Experience {@code i}'s training images labelled by their output units: with a head per task, label {@code y} of
     * task {@code k} becomes unit {@code offset(k) + y}, so that images of several tasks (exemplars, earlier
     * experiences) can share a batch and each still finds its own head.
     */
    ImageSet experienceData(int i) {
        if (experienceData[i] == null) {
            experienceData[i] = scenario.trainWithGlobalLabels(i);
        }
        return experienceData[i];
    }

    /** The labels experience {@code i} brings, as {@link #experienceData} labels them: its classes, or its head's units. */
    int[] units(int i) {
        return scenario.taskIncremental() ? Batches.range(offsets[i], ends[i]) : scenario.experience(i).classes();
    }

    private int minClass(int j) {
        return Arrays.stream(scenario.experience(j).classes()).min().orElse(0);
    }

    long seed() {
        return seed;
    }

    void restart() {
        network.close();
        start();
    }

    /**
     * Trains on {@code training}, labelled by output units ({@link #experienceData}). The active units are those of
     * the classes seen so far, or with a head per task those of every head so far; each image's cross-entropy is
     * taken over the classes seen, or over its own task's head.
     */
    double train(int i, ImageSet training, int oldClasses, List<Plugin> plugins) {
        int hi = activeEnd(i);
        Map<String, Parameter> trainable = network.trainableParameters();
        List<NDArray> weights = weights();
        TrainingStep.Units active = new TrainingStep.Units(0, hi);
        List<TrainingStep.Units> oldHeads = oldHeads(i, oldClasses);
        double lossSum = 0;
        for (int epoch = 0; epoch < epochs; epoch++) {
            Random random = new Random(seed * 1_000_003L + i * 1_009L + epoch);
            Seeds.seedEngine(random.nextLong());
            lossSum = 0;
            for (int[] indices : Batches.shuffled(training.size(), batchSize, random)) {
                try (NDScope scope = new NDScope()) {
                    NDArray x = Batches.images(network.manager(), training, indices);
                    NDArray y = labels(network.manager(), training, indices);
                    int at = epoch + 1;
                    TrainingStep[] step = new TrainingStep[1];
                    GradientStep.Outcome outcome = GradientStep.run(network, x, all -> {
                        step[0] = new TrainingStep(x, all, active, y, oldClasses, oldHeads, weights);
                        NDArray loss = scenario.taskIncremental() ? ownHeadLoss(all, training, indices, hi)
                                : Losses.softmaxCrossEntropy(step[0].logits(), y);
                        for (Plugin plugin : plugins) {
                            loss = plugin.loss(step[0], loss);
                        }
                        return loss;
                    }, opt, trainable, null, () -> "in experience " + (i + 1) + ", epoch " + at, () -> plugins.forEach(p -> p.afterBackward(step[0])));
                    lossSum += outcome.loss() * indices.length;
                    scope.suppressNotUsedWarning();
                }
            }
        }
        return lossSum / training.size();
    }

    /** The units of earlier experiences: the old classes in one block, or each earlier task's head. */
    private List<TrainingStep.Units> oldHeads(int i, int oldClasses) {
        List<TrainingStep.Units> heads = new ArrayList<>();
        if (scenario.taskIncremental()) {
            for (int t = 0; t < i; t++) {
                heads.add(new TrainingStep.Units(offsets[t], ends[t]));
            }
        } else if (oldClasses > 0) {
            heads.add(new TrainingStep.Units(0, oldClasses));
        }
        return heads;
    }

    /** Labels as indices into the active units, which start at unit 0. */
    private static NDArray labels(NDManager manager, ImageSet images, int[] indices) {
        return Samples.of(images).labels(manager, indices, Head.SOFTMAX);
    }

    /**
     * The mean cross-entropy of each image on its own task's head. A batch of one task takes the softmax over that
     * head's slice; a batch that mixes tasks gives every other head's units a logit of {@link #OTHER_HEAD}, whose
     * probability is exactly 0, so that each image's softmax runs over its own head alone.
     */
    private NDArray ownHeadLoss(NDArray all, ImageSet training, int[] indices, int hi) {
        NDManager manager = all.getManager();
        int n = indices.length;
        int[] heads = new int[n];
        boolean oneTask = true;
        for (int k = 0; k < n; k++) {
            heads[k] = headOf(training.label(indices[k]));
            oneTask &= heads[k] == heads[0];
        }
        if (oneTask) {
            int[] local = new int[n];
            for (int k = 0; k < n; k++) {
                local[k] = training.label(indices[k]) - offsets[heads[0]];
            }
            NDArray logits = all.get(":, " + offsets[heads[0]] + ":" + ends[heads[0]]);
            return Losses.softmaxCrossEntropy(logits, manager.create(local, new Shape(n)));
        }
        float[] mask = new float[n * hi];
        for (int k = 0; k < n; k++) {
            for (int u = 0; u < hi; u++) {
                mask[k * hi + u] = u >= offsets[heads[k]] && u < ends[heads[k]] ? 0f : OTHER_HEAD;
            }
        }
        NDArray masked = all.get(":, 0:" + hi).add(manager.create(mask, new Shape(n, hi)));
        return Losses.softmaxCrossEntropy(masked, labels(manager, training, indices));
    }

    /** The task whose head holds output unit {@code unit}. */
    private int headOf(int unit) {
        for (int t = 0; t < ends.length; t++) {
            if (unit >= offsets[t] && unit < ends[t]) {
                return t;
            }
        }
        throw new IllegalArgumentException("Output unit " + unit + " belongs to no task's head of " + scenario.name() + ", whose heads end at "
                + Arrays.toString(ends) + ".");
    }

    /** Accuracy on experience {@code j}'s test set after training on experience {@code i}. */
    double accuracy(int i, int j, List<Plugin> plugins) {
        ImageSet test = scenario.experience(j).test();
        int lo = offsets[j];
        int hi = scenario.taskIncremental() ? offsets[j] + scenario.experience(j).classes().length : activeEnd(i);
        if (!scenario.taskIncremental() && j > i && offsets[j] == 0 && minClass(j) >= hi) {
            return Double.NaN;
        }
        if (test.size() == 0) {
            return 0;
        }
        long correct = 0;
        for (int[] indices : Batches.inOrder(test.size(), Batches.INFERENCE)) {
            try (NDScope scope = new NDScope()) {
                NDArray x = Batches.images(network.manager(), test, indices);
                NDArray features = network.features(x, false);
                NDArray scores = null;
                for (Plugin plugin : plugins) {
                    NDArray s = plugin.scores(features, hi);
                    scores = s != null ? s : scores;
                }
                if (scores == null) {
                    scores = network.logitsOf(features, false);
                }
                int[] predicted = scores.get(":, " + lo + ":" + hi).argMax(1).toType(DataType.INT32, false).toIntArray();
                for (int n = 0; n < indices.length; n++) {
                    correct += predicted[n] == test.label(indices[n]) ? 1 : 0;
                }
                scope.suppressNotUsedWarning();
            }
        }
        return (double) correct / test.size();
    }

    /** Penultimate features of {@code images} (layer null) or the output of layer {@code layerName}, flattened, one row per image. */
    double[][] features(ImageSet images, String layerName) {
        double[][] rows = new double[images.size()][];
        for (int[] indices : Batches.inOrder(images.size(), Batches.INFERENCE)) {
            try (NDScope scope = new NDScope()) {
                NDArray batch = Batches.images(network.manager(), images, indices);
                NDArray features = layerName == null ? network.features(batch, false) : network.outputOf(batch, layerName, false);
                int dim = (int) (features.size() / indices.length);
                float[] values = features.toFloatArray();
                for (int n = 0; n < indices.length; n++) {
                    double[] row = new double[dim];
                    for (int d = 0; d < dim; d++) {
                        row[d] = values[n * dim + d];
                    }
                    rows[indices[n]] = row;
                }
                scope.suppressNotUsedWarning();
            }
        }
        return rows;
    }

    List<NDArray> weights() {
        return network.trainableParameters().values().stream().map(Parameter::getArray).toList();
    }

    /** The output layer's weights (a dense layer's weight, (units, features), then its bias), live. */
    List<NDArray> headWeights() {
        int layers = network.layers().names().size();
        return layerWeights(layers - 1, layers);
    }

    /** The weights of the layers after {@code layerName} (null: from the first) below the output layer, live. */
    List<NDArray> bodyWeights(String layerName) {
        return layerWeights(layerName == null ? 0 : network.layers().indexOf(layerName) + 1, network.layers().names().size() - 1);
    }

    private List<NDArray> layerWeights(int from, int to) {
        List<String> names = network.layers().names();
        List<NDArray> arrays = new ArrayList<>();
        for (int i = from; i < to; i++) {
            // Batch normalisation's moving statistics are not weights: they never take gradients.
            network.layer(names.get(i)).getParameters().values().stream()
                    .filter(p -> p.getType() != Parameter.Type.RUNNING_MEAN && p.getType() != Parameter.Type.RUNNING_VAR)
                    .forEach(p -> arrays.add(p.getArray()));
        }
        return arrays;
    }

    /** Freezes layer {@code layerName} and every layer before it (null: every layer but the output layer); the layers after it train. */
    void freezeUpTo(String layerName) {
        network.unfreezeFrom(network.layers().names().get(belowOutput(layerName) + 1));
    }

    /** The layers after {@code layerName} in training mode, on that layer's activations flattened to (N, values): the logits on every unit. */
    UnaryOperator<NDArray> layersAfter(String layerName) {
        belowOutput(layerName);
        long[] shape;
        try (NDScope scope = new NDScope()) {
            shape = network.outputOf(network.manager().zeros(network.batchShape(1)), layerName, false).getShape().getShape();
            scope.suppressNotUsedWarning();
        }
        return flat -> {
            long[] batch = shape.clone();
            batch[0] = flat.getShape().get(0);
            return network.logitsFrom(layerName, flat.reshape(new Shape(batch)), true);
        };
    }

    /** The position of layer {@code layerName} (null: the one below the output layer), which must lie below the output layer. */
    private int belowOutput(String layerName) {
        List<String> names = network.layers().names();
        int at = layerName == null ? names.size() - 2 : network.layers().indexOf(layerName);
        if (at >= names.size() - 1) {
            throw new IllegalArgumentException("Layer '" + layerName + "' is the output layer, with no layer above it to train; name a layer "
                    + "below it, one of " + names.subList(0, names.size() - 1) + ".");
        }
        return at;
    }

    Network copyOfModel() {
        Network copy = model.apply(units);
        try {
            copy.restoreParameters(network.parameterBytes(), "a copy of " + network.name());
        } catch (RuntimeException e) {
            copy.close();
            throw e;
        }
        copy.freezeAll();
        return copy;
    }

    List<NDArray> fisherDiagonal(int i, ImageSet images, int samples, long drawSeed, NDManager manager) {
        int lo = offsets[i];
        int hi = activeEnd(i);
        int[] chosen = Herding.random(images.size(), samples, new Random(drawSeed));
        List<NDArray> weights = weights();
        return Fisher.diagonal(weights, samples, n -> {
            int[] one = {chosen[n]};
            NDArray logits = network.logits(Batches.images(network.manager(), images, one), false).get(":, " + lo + ":" + hi);
            // The images carry global labels (experienceData); the slice starts at this experience's first unit.
            return Losses.softmaxCrossEntropy(logits, network.manager().create(new int[] {images.label(chosen[n]) - lo}, new Shape(1)));
        }, manager);
    }

    @Override
    public void close() {
        network.close();
    }
}
