package coursekit.train;

import java.util.Locale;
import java.util.Map;

/**
 * Stops training once the watched metric has gone {@code patience} epochs without improving (at the first epoch without a gain for patience 0), as Keras's
 * {@code EarlyStopping}; with {@link #restoreBestWeights} the network ends with the weights of its best epoch.
 *
 * <pre>{@code FitConfig.epochs(100).callbacks(EarlyStopping.on("val_loss").patience(5).restoreBestWeights())}</pre>
 */
public final class EarlyStopping implements Callback {

    private final String metric;
    private final double minDelta;
    private final int patience;
    private final boolean restore;
    private final Monitor monitor;
    private int wait;
    private int bestEpoch;
    private byte[] bestWeights;

    private EarlyStopping(String metric, double minDelta, int patience, boolean restore) {
        if (patience < 0) {
            throw new IllegalArgumentException("patience must be 0 or more epochs, but got " + patience + ".");
        }
        this.metric = metric;
        this.minDelta = minDelta;
        this.patience = patience;
        this.restore = restore;
        this.monitor = new Monitor(metric, minDelta);
    }

    /** Watches {@code metric} (e.g. {@code "val_loss"}; lower is better for a loss, higher otherwise), patience 0. */
    public static EarlyStopping on(String metric) {
        return new EarlyStopping(metric, 0, 0, false);
    }

    /** Epochs without improvement before stopping. */
    public EarlyStopping patience(int epochs) {
        return new EarlyStopping(metric, minDelta, epochs, restore);
    }

    /** The least change that counts as an improvement. */
    public EarlyStopping minDelta(double delta) {
        return new EarlyStopping(metric, delta, patience, restore);
    }

    /** At the end of training, puts back the weights of the best epoch. */
    public EarlyStopping restoreBestWeights() {
        return new EarlyStopping(metric, minDelta, patience, true);
    }

    @Override
    public void onTrainBegin(Training training) {
        monitor.reset();
        wait = 0;
        bestEpoch = -1;
        bestWeights = null;
    }

    @Override
    public void onEpochEnd(Training training, int epoch, Map<String, Double> metrics) {
        if (monitor.improved(metrics)) {
            wait = 0;
            bestEpoch = epoch;
            if (restore) {
                bestWeights = training.network().parameterBytes();
            }
        } else if (++wait >= patience) {
            training.stopTraining();
            training.say(String.format(Locale.ROOT, "Early stopping after epoch %d: %s has not improved on %.4f (epoch %d) for %d epochs.",
                    epoch + 1, monitor.metric(), monitor.best(), bestEpoch + 1, wait));
        }
    }

    @Override
    public void onTrainEnd(Training training) {
        if (bestWeights != null) {
            training.network().restoreParameters(bestWeights, "the best epoch's weights");
            training.say("Restored the weights of epoch " + (bestEpoch + 1) + " (best " + monitor.metric() + ").");
        }
    }

    /** The epoch (from 0) with the best value so far, or -1 before the first. */
    public int bestEpoch() {
        return bestEpoch;
    }
}
