package coursekit.train;

import java.util.Locale;
import java.util.Map;

/**
 * Multiplies the learning rate by {@code factor} once the watched metric has not improved for
 * {@code patience} epochs, never below {@code minRate}, as Keras's {@code ReduceLROnPlateau} (its defaults:
 * factor 0.1, patience 10).
 */
public final class ReduceLROnPlateau implements Callback {

    private final String metric;
    private final double factor;
    private final int patience;
    private final double minRate;
    private final Monitor monitor;
    private int wait;

    private ReduceLROnPlateau(String metric, double factor, int patience, double minRate) {
        if (!(factor > 0 && factor < 1)) {
            throw new IllegalArgumentException("ReduceLROnPlateau's factor must lie between 0 and 1, but got " + factor + ".");
        }
        if (patience < 0 || !(minRate >= 0)) {
            throw new IllegalArgumentException("patience and minRate must be 0 or more, but got " + patience + " and " + minRate + ".");
        }
        this.metric = metric;
        this.factor = factor;
        this.patience = patience;
        this.minRate = minRate;
        this.monitor = new Monitor(metric, 0);
    }

    /** Watches {@code metric}, with factor 0.1, patience 10 and no lower bound. */
    public static ReduceLROnPlateau on(String metric) {
        return new ReduceLROnPlateau(metric, 0.1, 10, 0);
    }

    public ReduceLROnPlateau factor(double factor) {
        return new ReduceLROnPlateau(metric, factor, patience, minRate);
    }

    public ReduceLROnPlateau patience(int epochs) {
        return new ReduceLROnPlateau(metric, factor, epochs, minRate);
    }

    public ReduceLROnPlateau minRate(double rate) {
        return new ReduceLROnPlateau(metric, factor, patience, rate);
    }

    @Override
    public void onTrainBegin(Training training) {
        monitor.reset();
        wait = 0;
    }

    @Override
    public void onEpochEnd(Training training, int epoch, Map<String, Double> metrics) {
        if (monitor.improved(metrics)) {
            wait = 0;
        } else if (++wait >= patience && training.learningRate() > minRate) {
            double rate = Math.max(minRate, training.learningRate() * factor);
            training.setLearningRate(rate);
            training.say(String.format(Locale.ROOT, "Epoch %d: %s did not improve for %d epochs; learning rate now %.3g.",
                    epoch + 1, metric, wait, rate));
            wait = 0;
        }
    }
}
