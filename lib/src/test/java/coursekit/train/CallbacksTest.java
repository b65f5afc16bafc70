package coursekit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coursekit.data.Split;
import coursekit.engine.Seeds;
import coursekit.model.Models;
import coursekit.model.Network;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallbacksTest {

    private static final Split DATA = SyntheticImages.darkAndBright(64, 32, 3, 7).split(0.5, 0.25, 0.25, 1);

    private static Network network() {
        Seeds.set(5);
        return Models.mlp(DATA.imageShape(), 2, 8);
    }

    private static byte[] weights(Network network) {
        return network.parameterBytes();
    }

    private static Training training(Network network) {
        return new Training(network, new History(), 10, 1e-3, line -> { });
    }

    @Test
    void earlyStoppingWaitsPatienceEpochsAfterTheBest() {
        EarlyStopping stopping = EarlyStopping.on("val_loss").patience(2);
        Training training = training(null);
        stopping.onTrainBegin(training);
        double[] losses = {1.0, 0.8, 0.9, 0.85};
        for (int epoch = 0; epoch < losses.length; epoch++) {
            stopping.onEpochEnd(training, epoch, Map.of("val_loss", losses[epoch]));
            assertEquals(epoch == 3, training.stopRequested(), "after epoch " + epoch);
        }
        assertEquals(1, stopping.bestEpoch());
    }

    @Test
    void anAccuracyIsBetterHigherAndMinDeltaIgnoresSmallGains() {
        EarlyStopping stopping = EarlyStopping.on("val_accuracy").minDelta(0.05);
        Training training = training(null);
        stopping.onTrainBegin(training);
        stopping.onEpochEnd(training, 0, Map.of("val_accuracy", 0.60));
        stopping.onEpochEnd(training, 1, Map.of("val_accuracy", 0.62));
        assertTrue(training.stopRequested(), "a gain of 0.02 is below minDelta 0.05");
        assertEquals(0, stopping.bestEpoch());
    }

    @Test
    void restoringPutsBackTheBestEpochsWeights() {
        try (Network network = network()) {
            EarlyStopping stopping = EarlyStopping.on("val_loss").patience(5).restoreBestWeights();
            Training training = training(network);
            stopping.onTrainBegin(training);
            byte[] best = weights(network);
            stopping.onEpochEnd(training, 0, Map.of("val_loss", 0.5));
            network.trainableParameters().values().forEach(p -> p.getArray().addi(1f));
            stopping.onEpochEnd(training, 1, Map.of("val_loss", 0.7));
            assertFalse(java.util.Arrays.equals(best, weights(network)), "the weights moved after the best epoch");
            stopping.onTrainEnd(training);
            assertArrayEquals(best, weights(network));
        }
    }

    @Test
    void aMissingMetricIsNamedWithTheOnesThere() {
        EarlyStopping stopping = EarlyStopping.on("val_loss");
        Training training = training(null);
        stopping.onTrainBegin(training);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> stopping.onEpochEnd(training, 0, Map.of("loss", 1.0)));
        assertEquals("A callback watches 'val_loss', but the epoch reported only [loss]; give fit a validation set, or watch a training"
                + " metric.", e.getMessage());
    }

    @Test
    void fitStopsEarlyAndTheHistoryEndsThere() {
        try (Network network = network()) {
            // An accuracy above 1 can never be reached: patience 0 stops after the first epoch without a gain, the second.
            History history = Fit.fit(network, DATA, FitConfig.epochs(10).seed(1).quiet()
                    .callbacks(EarlyStopping.on("val_accuracy").minDelta(2)));
            assertEquals(2, history.epochs());
        }
    }

    @Test
    void aScheduleChangesTheRateTheNextEpochsTrainWith() {
        List<byte[]> afterEpoch = new ArrayList<>();
        Callback record = new Callback() {
            @Override
            public void onTrainBegin(Training training) {
                afterEpoch.add(weights(training.network()));
            }

            @Override
            public void onEpochEnd(Training training, int epoch, Map<String, Double> metrics) {
                afterEpoch.add(weights(training.network()));
            }
        };
        try (Network network = network()) {
            // From the second epoch on a rate so small that no float weight can move.
            Fit.fit(network, DATA, FitConfig.epochs(3).seed(1).optimizer(Optimizers.sgd(0.1)).quiet()
                    .callbacks(LearningRateScheduler.of((epoch, rate) -> epoch == 0 ? rate : 1e-30), record));
        }
        assertFalse(java.util.Arrays.equals(afterEpoch.get(0), afterEpoch.get(1)), "epoch 1 trained at 0.1");
        assertArrayEquals(afterEpoch.get(1), afterEpoch.get(2), "epoch 2 trained at 1e-30");
        assertArrayEquals(afterEpoch.get(2), afterEpoch.get(3), "epoch 3 trained at 1e-30");
    }

    @Test
    void reduceOnPlateauCutsTheRateAfterPatienceEpochs() {
        ReduceLROnPlateau reduce = ReduceLROnPlateau.on("val_loss").factor(0.5).patience(1).minRate(3e-4);
        Training training = training(null);
        reduce.onTrainBegin(training);
        double[] losses = {1.0, 1.0, 1.0, 1.0, 1.0, 1.0};
        List<Double> rates = new ArrayList<>();
        for (int epoch = 0; epoch < losses.length; epoch++) {
            reduce.onEpochEnd(training, epoch, Map.of("val_loss", losses[epoch]));
            rates.add(training.learningRate());
        }
        assertEquals(List.of(1e-3, 5e-4, 3e-4, 3e-4, 3e-4, 3e-4), rates);
    }

    @Test
    void theCsvLoggerAndTheCheckpointWriteTheirFiles(@TempDir Path dir) {
        Path csv = dir.resolve("log.csv");
        Path best = dir.resolve("best.params");
        try (Network network = network()) {
            History history = Fit.fit(network, DATA, FitConfig.epochs(2).seed(1).quiet()
                    .callbacks(CsvLogger.to(csv), ModelCheckpoint.to(best).bestOnly("val_loss")));
            assertEquals(history.toCsv(), Files.readString(csv));
            assertTrue(Files.size(best) > 0);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aSharedConfigKeepsItsCallbacksApart() {
        FitConfig base = FitConfig.epochs(1);
        FitConfig withLogger = base.callbacks(CsvLogger.to(Path.of("a.csv")));
        assertEquals(0, base.callbacks().size());
        assertEquals(1, withLogger.callbacks().size());
    }
}
