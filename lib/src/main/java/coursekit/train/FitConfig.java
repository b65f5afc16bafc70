package coursekit.train;

import coursekit.augment.Augmenter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * How {@link Fit#fit} trains: epochs, batch size, optimizer, seed, checkpointing and progress.
 * Start with {@link #epochs(int)} and chain the rest in any order; each setter returns a new
 * config, and every run makes its own optimizer and progress display from it, so a base config can be shared
 * between runs.
 *
 * <pre>{@code FitConfig.epochs(30).batchSize(20).optimizer(Optimizers.rmsprop(1e-4)).seed(42)}</pre>
 */
public final class FitConfig {

    private int epochs;
    private int batchSize = 32;
    private Supplier<Optimizer> optimizer = () -> Optimizers.adam(1e-3);
    private Long seed;
    private Path checkpointDir;
    private boolean resume;
    private Supplier<ProgressDisplay> progress = ProgressDisplay::standard;
    private Augmenter augment;
    private Map<String, Double> rateFactors = Map.of();
    private List<Callback> callbacks = List.of();

    private FitConfig() {}

    private FitConfig copy() {
        FitConfig copy = new FitConfig();
        copy.epochs = epochs;
        copy.batchSize = batchSize;
        copy.optimizer = optimizer;
        copy.seed = seed;
        copy.checkpointDir = checkpointDir;
        copy.resume = resume;
        copy.progress = progress;
        copy.augment = augment;
        copy.rateFactors = rateFactors;
        copy.callbacks = callbacks;
        return copy;
    }

    /** A config that trains for {@code epochs} passes over the training data. */
    public static FitConfig epochs(int epochs) {
        if (epochs < 1) {
            throw new IllegalArgumentException("Training needs at least one epoch, but got epochs=" + epochs + ".");
        }
        FitConfig config = new FitConfig();
        config.epochs = epochs;
        return config;
    }

    /** Images per gradient step (default 32, Keras's default). */
    public FitConfig batchSize(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("The batch size must be at least 1, but got batchSize=" + batchSize + ".");
        }
        FitConfig copy = copy();
        copy.batchSize = batchSize;
        return copy;
    }

    /**
     * The update rule (default Adam with learning rate 0.001). Each run trains with a fresh copy of
     * {@code optimizer} ({@link Optimizer#fresh}: the same settings, no state), so one config serves any number of
     * runs and networks.
     */
    public FitConfig optimizer(Optimizer optimizer) {
        return optimizer(java.util.Objects.requireNonNull(optimizer, "optimizer")::fresh);
    }

    /** The update rule as a factory that {@link Fit#fit} calls once per run. */
    public FitConfig optimizer(Supplier<Optimizer> factory) {
        FitConfig copy = copy();
        copy.optimizer = java.util.Objects.requireNonNull(factory, "factory");
        return copy;
    }

    /** Seeds shuffling and dropout, so that the same seed on CPU gives the same history. */
    public FitConfig seed(long seed) {
        FitConfig copy = copy();
        copy.seed = seed;
        return copy;
    }

    /** Writes {@code dir/checkpoint.bin} atomically after every epoch. */
    public FitConfig checkpoint(Path dir) {
        FitConfig copy = copy();
        copy.checkpointDir = dir;
        return copy;
    }

    /** Continues from the checkpoint in the {@link #checkpoint} folder when one is there. */
    public FitConfig resume(boolean resume) {
        FitConfig copy = copy();
        copy.resume = resume;
        return copy;
    }

    /** One line per epoch (and the lines callbacks say) to {@code progress}, instead of the standard display. */
    public FitConfig progress(Consumer<String> progress) {
        java.util.Objects.requireNonNull(progress, "progress");
        return progressDisplay(() -> new ProgressLines(progress));
    }

    /**
     * The display each run creates (default {@link ProgressDisplay#standard}: a live output in a notebook, a bar on
     * a terminal, lines elsewhere).
     */
    public FitConfig progressDisplay(Supplier<ProgressDisplay> factory) {
        FitConfig copy = copy();
        copy.progress = java.util.Objects.requireNonNull(factory, "factory");
        return copy;
    }

    /**
     * Augments every training batch on the fly with {@code augmenter}, drawing anew each epoch;
     * validation and test images are never augmented. Every batch is scaled to [0, 1] as usual, so
     * the augmenter's {@code rescale} must be unset or 1/255 (the lecture's {@code rescale=1./255}).
     */
    public FitConfig augment(Augmenter augmenter) {
        double rescale = java.util.Objects.requireNonNull(augmenter, "augmenter").rescale();
        if (rescale != 0 && Math.abs(rescale * 255 - 1) > 1e-6) {
            throw new IllegalArgumentException("fit scales every batch, training and validation alike, to [0, 1], so the "
                    + "augmenter's rescale must be unset or 1/255, but got rescale=" + rescale + ".");
        }
        FitConfig copy = copy();
        copy.augment = augmenter;
        return copy;
    }

    /** No progress lines. */
    public FitConfig quiet() {
        return progress(line -> { });
    }

    /**
     * Multiplies the learning rate by {@code factor} from layer {@code fromLayer} on, until a later
     * layer names another factor (differential learning rates, e.g. 0.1 for the unfrozen top of a
     * pretrained base and 1 for the new head). Layers before the first named one keep factor 1.
     */
    public FitConfig learningRateFactor(String fromLayer, double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("A learning-rate factor must be a positive number, but got factor=" + factor
                    + " for layer '" + fromLayer + "'.");
        }
        FitConfig copy = copy();
        Map<String, Double> factors = new LinkedHashMap<>(rateFactors);
        factors.put(java.util.Objects.requireNonNull(fromLayer, "fromLayer"), factor);
        copy.rateFactors = Collections.unmodifiableMap(factors);
        return copy;
    }

    /**
     * Adds Keras-style callbacks, called in this order after those added before: {@link EarlyStopping},
     * {@link ModelCheckpoint}, {@link LearningRateScheduler}, {@link ReduceLROnPlateau}, {@link CsvLogger} or
     * your own {@link Callback}.
     */
    public FitConfig callbacks(Callback... more) {
        List<Callback> all = new ArrayList<>(callbacks);
        for (Callback callback : more) {
            all.add(java.util.Objects.requireNonNull(callback, "callback"));
        }
        FitConfig copy = copy();
        copy.callbacks = List.copyOf(all);
        return copy;
    }

    /** The callbacks, in the order they are called. */
    public List<Callback> callbacks() {
        return callbacks;
    }

    /** The learning-rate factors by the layer they start at. */
    public Map<String, Double> rateFactors() {
        return rateFactors;
    }

    public int epochs() {
        return epochs;
    }

    public int batchSize() {
        return batchSize;
    }

    /** A new optimizer for one run, from the configured factory. */
    public Optimizer newOptimizer() {
        Optimizer fresh = optimizer.get();
        if (fresh == null) {
            throw new IllegalStateException("The optimizer factory given to FitConfig.optimizer returned null; return a new "
                    + "optimizer, e.g. () -> Optimizers.rmsprop(1e-4).");
        }
        return fresh;
    }

    /** The seed, or null to draw one from the kit's seed sequence. */
    public Long seed() {
        return seed;
    }

    public Path checkpointDir() {
        return checkpointDir;
    }

    public boolean resume() {
        return resume;
    }

    /** A new progress display for one run. */
    public ProgressDisplay newProgressDisplay() {
        return progress.get();
    }

    /** The augmenter of the training batches, or null for none. */
    public Augmenter augment() {
        return augment;
    }
}
