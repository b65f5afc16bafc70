package coursekit.train;

/**
 * Sets the learning rate before each epoch from the epoch's number and the current rate, as Keras's
 * {@code LearningRateScheduler}.
 *
 * <pre>{@code LearningRateScheduler.of((epoch, rate) -> epoch < 10 ? rate : rate * 0.9)}</pre>
 */
public final class LearningRateScheduler implements Callback {

    /** The learning rate of epoch {@code epoch} (counted from 0), given the rate now. */
    @FunctionalInterface
    public interface Schedule {
        double rate(int epoch, double current);
    }

    private final Schedule schedule;

    private LearningRateScheduler(Schedule schedule) {
        this.schedule = java.util.Objects.requireNonNull(schedule, "schedule");
    }

    public static LearningRateScheduler of(Schedule schedule) {
        return new LearningRateScheduler(schedule);
    }

    @Override
    public void onEpochBegin(Training training, int epoch) {
        training.setLearningRate(schedule.rate(epoch, training.learningRate()));
    }
}
