package coursekit.train;

import java.nio.file.Path;
import java.util.Map;

/**
 * Saves the network's parameters to a file after each epoch, atomically, as Keras's {@code ModelCheckpoint}
 * with {@code save_weights_only}; with {@link #bestOnly} only when the watched metric improved. Load them
 * back with {@code network.load(file)}.
 *
 * <pre>{@code FitConfig.epochs(30).callbacks(ModelCheckpoint.to(Path.of("best.params")).bestOnly("val_accuracy"))}</pre>
 */
public final class ModelCheckpoint implements Callback {

    private final Path file;
    private final Monitor monitor;

    private ModelCheckpoint(Path file, Monitor monitor) {
        this.file = java.util.Objects.requireNonNull(file, "file");
        this.monitor = monitor;
    }

    /** Saves to {@code file} after every epoch. */
    public static ModelCheckpoint to(Path file) {
        return new ModelCheckpoint(file, null);
    }

    /** Saves only after an epoch that improved {@code metric} (lower is better for a loss, higher otherwise). */
    public ModelCheckpoint bestOnly(String metric) {
        return new ModelCheckpoint(file, new Monitor(metric, 0));
    }

    @Override
    public void onTrainBegin(Training training) {
        if (monitor != null) {
            monitor.reset();
        }
    }

    @Override
    public void onEpochEnd(Training training, int epoch, Map<String, Double> metrics) {
        if (monitor == null || monitor.improved(metrics)) {
            training.network().save(file);
        }
    }
}
