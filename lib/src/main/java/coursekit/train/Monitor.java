package coursekit.train;

import java.util.Locale;
import java.util.Map;

/**
 * A metric watched for improvement, as Keras's callbacks watch one: lower is better for a loss, higher for
 * anything else, and only a change larger than {@code minDelta} counts.
 */
final class Monitor {

    private final String metric;
    private final double minDelta;
    private final boolean lowerIsBetter;
    private double best;

    Monitor(String metric, double minDelta) {
        if (metric == null || metric.isBlank()) {
            throw new IllegalArgumentException("A callback needs the name of the metric to watch, e.g. \"val_loss\" or \"val_accuracy\".");
        }
        if (!(minDelta >= 0)) {
            throw new IllegalArgumentException("minDelta must be a number of at least 0, but got " + minDelta + ".");
        }
        this.metric = metric;
        this.minDelta = minDelta;
        this.lowerIsBetter = metric.toLowerCase(Locale.ROOT).contains("loss");
        reset();
    }

    void reset() {
        best = lowerIsBetter ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    String metric() {
        return metric;
    }

    double best() {
        return best;
    }

    /** The metric's value among {@code metrics}; one sentence naming the ones there when it is missing. */
    double value(Map<String, Double> metrics) {
        Double value = metrics.get(metric);
        if (value == null) {
            throw new IllegalArgumentException("A callback watches '" + metric + "', but the epoch reported only " + metrics.keySet()
                    + (metric.startsWith("val_") ? "; give fit a validation set, or watch a training metric." : "."));
        }
        return value;
    }

    /** Whether {@code metrics} improve on the best so far; if so, they become the best. */
    boolean improved(Map<String, Double> metrics) {
        double value = value(metrics);
        boolean better = lowerIsBetter ? value < best - minDelta : value > best + minDelta;
        if (better) {
            best = value;
        }
        return better;
    }
}
