package coursekit.train;

import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One line per epoch, as Keras prints with {@code verbose=2}:
 * {@code Epoch 3/30 - 41.2s - loss: 0.5731 - accuracy: 0.7010 - val_loss: ...}, and the lines callbacks say.
 */
public class ProgressLines implements ProgressDisplay {

    private final Consumer<String> out;
    private int epochs;
    private long epochStarted;

    /** Lines to {@code out}. */
    public ProgressLines(Consumer<String> out) {
        this.out = java.util.Objects.requireNonNull(out, "out");
    }

    @Override
    public void say(String line) {
        out.accept(line);
    }

    @Override
    public void onTrainBegin(Training training) {
        epochs = training.epochs();
    }

    @Override
    public void onEpochBegin(Training training, int epoch) {
        epochStarted = System.nanoTime();
    }

    @Override
    public void onEpochEnd(Training training, int epoch, Map<String, Double> metrics) {
        say(line(epoch + 1, epochs, (System.nanoTime() - epochStarted) / 1e9, metrics));
    }

    /** The planned number of epochs of the run. */
    protected int epochs() {
        return epochs;
    }

    /** The line of a finished epoch (counted from 1). */
    public static String line(int epoch, int epochs, double seconds, Map<String, Double> metrics) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "Epoch %d/%d - %.1fs", epoch, epochs, seconds));
        metrics.forEach((key, value) -> line.append(String.format(Locale.ROOT, " - %s: %.4f", key, value)));
        return line.toString();
    }

    /**
     * The line of an epoch under way: {@code Epoch 3/30 [#####-----] 45/100 - 23.4 images/s - 0:40 left - loss: 0.6931}.
     */
    public static String running(int epoch, int epochs, BatchProgress step) {
        return String.format(Locale.ROOT, "Epoch %d/%d [%s] %d/%d - %.1f images/s - %s left - loss: %.4f", epoch, epochs,
                coursekit.io.TextBars.bar((double) step.batch() / step.batches(), 20), step.batch(), step.batches(),
                step.imagesPerSecond(), coursekit.io.TextBars.clockTime((long) Math.ceil(step.secondsLeft())), step.loss());
    }
}
