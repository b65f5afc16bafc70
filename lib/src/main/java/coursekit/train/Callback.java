package coursekit.train;

import java.util.Map;

/**
 * A hook into {@link Fit#fit}, as Keras's callbacks are: called when training begins, before and after each
 * epoch (with the epoch's metrics, validation included), after each batch, and when it ends. Through the {@link Training} it may
 * change the learning rate or stop training. The kit's own: {@link EarlyStopping}, {@link ModelCheckpoint},
 * {@link LearningRateScheduler}, {@link ReduceLROnPlateau}, {@link CsvLogger}, and the run's
 * {@link ProgressDisplay}; add them with
 * {@link FitConfig#callbacks}. A callback keeps its state from {@code onTrainBegin} on, so one instance can
 * serve several runs one after the other.
 */
public interface Callback {

    default void onTrainBegin(Training training) {}

    /** Before epoch {@code epoch} (counted from 0). */
    default void onEpochBegin(Training training, int epoch) {}

    /**
     * After each training batch of epoch {@code epoch} (counted from 0), with how far the epoch has come. It is
     * called for every batch, so it must be cheap.
     */
    default void onBatchEnd(Training training, int epoch, BatchProgress step) {}

    /** After epoch {@code epoch} (counted from 0), with its metrics ({@code loss}, {@code val_accuracy}, ...). */
    default void onEpochEnd(Training training, int epoch, Map<String, Double> metrics) {}

    default void onTrainEnd(Training training) {}
}
