package coursekit.cl;

import ai.djl.ndarray.NDScope;
import coursekit.data.ImageSet;
import coursekit.engine.Autograd;
import coursekit.engine.Seeds;
import coursekit.model.Network;
import coursekit.train.Optimizer;
import coursekit.train.Optimizers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The one loop of continual learning: for each experience of a scenario's stream, train for some
 * epochs in shuffled mini-batches, then test on the test set of every experience to fill one row
 * of the accuracy matrix. Strategies differ only by their {@link Plugin}s.
 *
 * <p><b>Output units.</b> A class-incremental network has a single head of
 * {@code scenario.numClasses()} units from the start, and only the units of classes seen so far
 * are active: training takes the softmax over them and testing picks among them, so unseen
 * classes are never predicted. This behaves like a head that grows by each experience's classes,
 * without rebuilding the network. A task-incremental network gets one block of units per task (a
 * head per task in one layer), and each image is trained and tested on its own task's block; images of
 * earlier tasks that a plugin adds (exemplars, earlier experiences) carry the global labels of their units
 * and train on their own task's block too.
 *
 * <p>Every array a batch creates lives in an {@link NDScope} closed after the batch, and plugins
 * close the networks and arrays they keep, so memory stays flat over long streams.
 */
public final class ContinualTrainer {

    final IntFunction<Network> model;
    final int epochs;
    final int batchSize;
    final Supplier<Optimizer> optimizer;
    final long seed;
    private final Consumer<String> progress;

    private ContinualTrainer(Builder builder) {
        this.model = builder.model;
        this.epochs = builder.epochs;
        this.batchSize = builder.batchSize;
        this.optimizer = builder.optimizer;
        this.seed = builder.seed;
        this.progress = builder.progress;
    }

    /**
     * A trainer for networks that {@code model} builds for a number of output units, e.g.
     * {@code units -> Models.mlp(new long[] {1, 28, 28}, units, 256, 256)}.
     */
    public static Builder builder(IntFunction<Network> model) {
        return new Builder(model);
    }

    /** The settings of a {@link ContinualTrainer}; each has a default but the model. */
    public static final class Builder {
        private final IntFunction<Network> model;
        private int epochs = 5;
        private int batchSize = 64;
        private Supplier<Optimizer> optimizer = () -> Optimizers.adam(1e-3);
        private long seed = 42;
        private Consumer<String> progress = System.out::println;

        private Builder(IntFunction<Network> model) {
            this.model = model;
        }

        /** Epochs over each experience's training data (default 5). */
        public Builder epochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        /** Images per training batch (default 64). */
        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /**
         * Makes the optimizer of each network (default Adam 1e-3); it keeps its state from one experience to the
         * next, and a network started afresh (Joint) gets a new one.
         */
        public Builder optimizer(Supplier<Optimizer> optimizer) {
            this.optimizer = java.util.Objects.requireNonNull(optimizer, "optimizer");
            return this;
        }

        /** Trains each network with a fresh copy of {@code optimizer} ({@link Optimizer#fresh}), as {@code FitConfig} does. */
        public Builder optimizer(Optimizer optimizer) {
            return optimizer(java.util.Objects.requireNonNull(optimizer, "optimizer")::fresh);
        }

        /** Seeds the network's initialisation, the shuffles and the plugins' random draws (default 42). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Where a line per experience goes (default standard output). */
        public Builder progress(Consumer<String> progress) {
            this.progress = progress;
            return this;
        }

        /** No progress lines. */
        public Builder quiet() {
            return progress(line -> {});
        }

        public ContinualTrainer build() {
            if (model == null) {
                throw new IllegalArgumentException("The continual trainer needs a model factory, e.g. units -> Models.mlp(shape, units, 256).");
            }
            if (epochs < 1 || batchSize < 1) {
                throw new IllegalArgumentException("Epochs and batch size must be at least 1, but got epochs=" + epochs + ", batchSize="
                        + batchSize + ".");
            }
            return new ContinualTrainer(this);
        }
    }

    public int epochs() {
        return epochs;
    }

    public long seed() {
        return seed;
    }

    /** {@link #run} for each strategy in turn, each from a fresh network. */
    public List<AccuracyMatrix> runAll(Scenario scenario, Strategy... strategies) {
        List<AccuracyMatrix> runs = new ArrayList<>();
        for (Strategy strategy : strategies) {
            runs.add(run(scenario, strategy));
        }
        return runs;
    }

    /**
     * Trains {@code strategy} over {@code scenario}'s stream and returns the accuracy matrix:
     * R[i][j] is the accuracy on the test set of experience j after training on experience i
     * (NaN above the diagonal of a class-incremental stream: a class not yet seen cannot be predicted).
     */
    public AccuracyMatrix run(Scenario scenario, Strategy strategy) {
        if (scenario.taskIncremental() && !strategy.taskIncremental()) {
            throw new IllegalArgumentException("Strategy " + strategy.name() + " trains class-incremental scenarios only, but "
                    + scenario.name() + " is task-incremental; use " + Strategies.TASK_INCREMENTAL + " there.");
        }
        Seeds.set(seed);
        Autograd.offOnThisThread();
        List<Plugin> plugins = strategy.newPlugins();
        int size = scenario.size();
        double[][] r = new double[size][size];
        int[] classesSeen = new int[size];
        try (ContinualRun run = new ContinualRun(this, scenario)) {
            for (int i = 0; i < size; i++) {
                long started = System.nanoTime();
                Experience experience = scenario.experience(i);
                int oldClasses = run.activeEnd(i - 1);
                ImageSet own = run.experienceData(i);
                ExperienceStart start = new ExperienceStart(i, run.units(i), oldClasses, own, run);
                plugins.forEach(p -> p.beforeExperience(start));
                if (start.restartRequested()) {
                    run.restart();
                }
                List<ImageSet> parts = new ArrayList<>();
                parts.add(own);
                parts.addAll(start.extraData());
                ImageSet training = parts.size() == 1 ? parts.get(0) : ImageSet.concat(parts);
                double loss = run.train(i, training, oldClasses, plugins);
                ExperienceEnd end = new ExperienceEnd(i, run.units(i), run.activeEnd(i), own, run);
                plugins.forEach(p -> p.afterExperience(end));
                for (int j = 0; j < size; j++) {
                    r[i][j] = run.accuracy(i, j, plugins);
                }
                classesSeen[i] = run.activeEnd(i);
                progress.accept(String.format(Locale.ROOT, "%s: experience %d/%d (classes %s), %d training images, loss %.4f, "
                        + "average accuracy on seen experiences %.3f - %.1fs", strategy.name(), i + 1, size, Arrays.toString(experience.classes()),
                        training.size(), loss, mean(r[i], i + 1), (System.nanoTime() - started) / 1e9));
            }
        } finally {
            plugins.forEach(Plugin::close);
        }
        return new AccuracyMatrix(strategy.name(), r, classesSeen);
    }

    private static double mean(double[] row, int count) {
        double sum = 0;
        for (int j = 0; j < count; j++) {
            sum += row[j];
        }
        return sum / count;
    }
}
