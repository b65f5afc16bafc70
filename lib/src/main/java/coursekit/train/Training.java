package coursekit.train;

import coursekit.model.Network;
import java.util.function.Consumer;

/** What a {@link Callback} sees of a run of {@link Fit#fit}: the network, the history so far, the learning rate, and a way to stop. */
public final class Training {

    private final Network network;
    private final History history;
    private final int epochs;
    private final Consumer<String> progress;
    private double learningRate;
    private boolean stopRequested;

    Training(Network network, History history, int epochs, double learningRate, Consumer<String> progress) {
        this.network = network;
        this.history = history;
        this.epochs = epochs;
        this.learningRate = learningRate;
        this.progress = progress;
    }

    public Network network() {
        return network;
    }

    /** The epochs the run is to train (it trains fewer when stopped early). */
    public int epochs() {
        return epochs;
    }

    /** The epochs finished so far. */
    public History history() {
        return history;
    }

    /** The learning rate the next epoch trains with (differential factors apply on top of it). */
    public double learningRate() {
        return learningRate;
    }

    /** Sets the learning rate from the next epoch on. */
    public void setLearningRate(double rate) {
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("The learning rate must be a positive number, but a callback set " + rate + ".");
        }
        this.learningRate = rate;
    }

    /** Ends training after the current epoch, as Keras's {@code model.stop_training = True}. */
    public void stopTraining() {
        stopRequested = true;
    }

    public boolean stopRequested() {
        return stopRequested;
    }

    /** Writes a line where the run's progress lines go. */
    public void say(String line) {
        progress.accept(line);
    }
}
