package coursekit.cl;

import coursekit.engine.Seeds;
import coursekit.model.Network;
import coursekit.train.FeatureSet;
import coursekit.train.Fit;
import coursekit.train.FitConfig;
import coursekit.train.History;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Continual learning on top of a frozen pretrained base: a small head trained on a {@link FeatureStream}, one
 * experience after another, by plain fine-tuning or with a {@link FeatureMemory} replayed beside each new experience;
 * after each experience it is tested on every experience's test features, which fills one row of the
 * {@link AccuracyMatrix}.
 *
 * <p>{@link ContinualTrainer} trains networks on images, batch by batch through the whole network, and its plugins
 * see images; with a frozen base that would run the base again over every image in every epoch. Here the base has
 * run once ({@link FeatureStream#of}), and each experience is one {@link Fit#fit} of the head on features, with a
 * fresh optimizer per experience (as Avalanche resets its optimizer between experiences by default). The head is the
 * only thing that can forget.
 *
 * <pre>{@code
 * HeadTrainer trainer = HeadTrainer.of(() -> Models.classifier(shape).pooling("avg").dense(256).dropout(0.5).outputs(1).build(),
 *         FitConfig.epochs(30).batchSize(20).optimizer(rmsprop(1e-3)).seed(42));
 * AccuracyMatrix naive = trainer.naive(stream);
 * AccuracyMatrix replay = trainer.replay(stream, 200);
 * }</pre>
 */
public final class HeadTrainer {

    private final Supplier<Network> head;
    private final FitConfig config;
    private final long seed;
    private final Consumer<String> progress;

    private HeadTrainer(Supplier<Network> head, FitConfig config, Consumer<String> progress) {
        this.head = Objects.requireNonNull(head, "head");
        this.seed = Objects.requireNonNull(config, "config").seed() != null ? config.seed() : Seeds.next();
        this.config = config.quiet().seed(seed);
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /**
     * A trainer for heads that {@code head} builds, each trained on every experience as {@code config} says (epochs per
     * experience, batch size, optimizer, seed), with a line per experience on standard output. The seed also sets the
     * head's initial weights and the memory's draws; without one, the next of {@link Seeds} is taken.
     */
    public static HeadTrainer of(Supplier<Network> head, FitConfig config) {
        return new HeadTrainer(head, config, System.out::println);
    }

    /** This trainer with its line per experience sent to {@code progress}. */
    public HeadTrainer progress(Consumer<String> progress) {
        return new HeadTrainer(head, config, progress);
    }

    /** This trainer without its line per experience. */
    public HeadTrainer quiet() {
        return progress(line -> { });
    }

    /** Fine-tunes the head on each experience in turn, with nothing against forgetting: the strategy {@code Naive}. */
    public AccuracyMatrix naive(FeatureStream stream) {
        return run(stream, null);
    }

    /**
     * Trains on each experience together with a memory of at most {@code memorySize} features of the earlier ones,
     * shared equally by them ({@link FeatureMemory}): the strategy {@code Replay (memorySize)}.
     */
    public AccuracyMatrix replay(FeatureStream stream, int memorySize) {
        return run(stream, new FeatureMemory(memorySize));
    }

    private AccuracyMatrix run(FeatureStream stream, FeatureMemory memory) {
        String strategy = memory == null ? "Naive" : "Replay (" + memory.budget() + ")";
        int size = stream.size();
        double[][] r = new double[size][size];
        int[] classesSeen = new int[size];
        Arrays.fill(classesSeen, stream.classNames().size());
        Seeds.set(seed);
        try (Network network = head.get()) {
            for (int i = 0; i < size; i++) {
                long started = System.nanoTime();
                FeatureSet training = stream.train().get(i);
                FeatureSet replayed = memory == null ? null : memory.features();
                if (replayed != null) {
                    training = FeatureSet.concat(java.util.List.of(training, replayed));
                }
                History history = Fit.fit(network, training, null, config.seed(seed * 1_000_003L + i));
                if (memory != null) {
                    memory.add(stream.train().get(i), new Random(seed * 1_009L + i));
                }
                Map<FeatureSet, Double> measured = new IdentityHashMap<>();
                for (int j = 0; j < size; j++) {
                    r[i][j] = measured.computeIfAbsent(stream.test().get(j), test -> Fit.evaluate(network, test).accuracy());
                }
                progress.accept(String.format(Locale.ROOT, "%s: session %d/%d, %d training samples (%d replayed), loss %.4f, accuracy on "
                        + "the first session %.3f, on this one %.3f - %.1fs", strategy, i + 1, size, training.size(),
                        replayed == null ? 0 : replayed.size(), history.last(History.LOSS), r[i][0], r[i][i],
                        (System.nanoTime() - started) / 1e9));
            }
        }
        return new AccuracyMatrix(strategy, r, classesSeen);
    }
}
