package coursekit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import coursekit.data.Batches;
import coursekit.data.ImageSet;
import coursekit.data.Split;
import coursekit.engine.NewThread;
import coursekit.engine.Seeds;
import coursekit.model.Head;
import coursekit.model.Layers;
import coursekit.model.Models;
import coursekit.model.Network;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FitTest {

    private static final Split DATA = SyntheticImages.darkAndBright(96, 48, 3, 7).split(0.5, 0.25, 0.25, 1);

    private static Network smallCnn() {
        Layers layers = new Layers()
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(4).build())
                .addNumbered("re_lu", Activation.reluBlock())
                .add("flatten", Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(1).build());
        return Network.create("small_cnn", layers, new long[] {3, 48, 48}, Head.SIGMOID, 2);
    }

    private static History train(long seed, FitConfig config) {
        Seeds.set(seed);
        try (Network net = Models.lectureCnn(DATA.imageShape(), 1)) {
            return Fit.fit(net, DATA, config);
        }
    }

    @Test
    void historyHasKerasKeysForEveryEpoch() {
        History history = train(3, FitConfig.epochs(2).optimizer(Optimizers.adam(1e-3)).quiet());
        assertEquals(List.of("loss", "accuracy", "val_loss", "val_accuracy"), new ArrayList<>(history.keys()));
        assertEquals(2, history.epochs());
    }

    @Test
    void trainsOnAThreadOtherThanTheOneThatLoadedTheEngine() throws InterruptedException {
        train(3, FitConfig.epochs(1).optimizer(Optimizers.rmsprop(1e-3)).quiet());
        // A notebook kernel runs every cell on a new thread, where PyTorch starts with gradient recording on.
        History history = NewThread.call(() -> train(3, FitConfig.epochs(1).optimizer(Optimizers.rmsprop(1e-3)).quiet()));
        assertEquals(1, history.epochs());
    }

    @Test
    void learnsAnEasyTask() {
        History history = train(3, FitConfig.epochs(6).batchSize(8).optimizer(Optimizers.rmsprop(1e-3)).quiet());
        assertTrue(history.last("val_accuracy") >= 0.9, history.toString());
        assertTrue(history.last("loss") < history.get("loss").get(0), history.toString());
    }

    @Test
    void softmaxHeadLearnsToo() {
        Seeds.set(5);
        try (Network net = Models.lectureCnn(DATA.imageShape(), 2)) {
            History history = Fit.fit(net, DATA, FitConfig.epochs(6).batchSize(8).optimizer(Optimizers.adam(1e-3)).quiet());
            assertTrue(history.last("val_accuracy") >= 0.9, history.toString());
        }
    }

    @Test
    void theSameSeedGivesTheSameHistory() {
        FitConfig config = FitConfig.epochs(2).seed(11).quiet();
        History first = train(9, config.optimizer(Optimizers.rmsprop(1e-3)));
        History second = train(9, config.optimizer(Optimizers.rmsprop(1e-3)));
        assertEquals(first.toCsv(), second.toCsv());
    }

    @Test
    void oneConfigWithOneOptimizerTrainsSeveralNetworksEachFromAFreshState() {
        FitConfig shared = FitConfig.epochs(2).seed(11).quiet().optimizer(Optimizers.rmsprop(1e-3));
        History first = train(9, shared);
        History second = train(9, shared);
        assertEquals(first.toCsv(), second.toCsv(), "the second run starts from no optimizer state, as the first did");
    }

    @Test
    void everyBatchIsReportedToTheCallbacksWithHowFarTheEpochHasCome() {
        List<BatchProgress> steps = new ArrayList<>();
        Callback recorder = new Callback() {
            @Override
            public void onBatchEnd(Training training, int epoch, BatchProgress step) {
                steps.add(step);
            }
        };
        int trainingImages = DATA.train().size();
        train(3, FitConfig.epochs(2).batchSize(10).quiet().callbacks(recorder));
        int batches = (trainingImages + 9) / 10;
        assertEquals(2 * batches, steps.size());
        BatchProgress last = steps.get(batches - 1);
        assertEquals(batches, last.batch());
        assertEquals(batches, last.batches());
        assertEquals(trainingImages, last.images());
        assertEquals(trainingImages, last.epochImages());
        assertEquals(10, steps.get(0).images());
        assertTrue(last.loss() > 0 && last.seconds() > 0, last.toString());
        assertEquals(0, last.secondsLeft(), 1e-9);
    }

    @Test
    void printsOneProgressLinePerEpoch() {
        List<String> lines = new ArrayList<>();
        train(3, FitConfig.epochs(2).progress(lines::add));
        assertEquals(2, lines.size());
        assertTrue(lines.get(1).startsWith("Epoch 2/2"), lines.get(1));
        assertTrue(lines.get(1).contains("val_accuracy"), lines.get(1));
    }

    @Test
    void resumingFromACheckpointContinuesTheSameRun(@TempDir Path dir) {
        FitConfig config = FitConfig.epochs(3).seed(4).quiet();
        History straight = train(21, config.optimizer(Optimizers.adam(1e-3)));

        train(21, config.optimizer(Optimizers.adam(1e-3)).checkpoint(dir).progress(line -> { }));
        assertTrue(Files.exists(dir.resolve("checkpoint.bin")));
        // A partial run: stop after one epoch, then resume to three.
        Path partial = dir.resolve("partial");
        train(21, FitConfig.epochs(1).seed(4).quiet().optimizer(Optimizers.adam(1e-3)).checkpoint(partial));
        History resumed = train(21, config.optimizer(Optimizers.adam(1e-3)).checkpoint(partial).resume(true));
        assertEquals(straight.toCsv(), resumed.toCsv());
    }

    @Test
    void aNaNLossStopsTrainingWithAClearMessage() {
        Layers layers = new Layers()
                .add("flatten", Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(1).build())
                .add("poison", new ai.djl.nn.LambdaBlock(list -> new ai.djl.ndarray.NDList(list.singletonOrThrow().mul(Float.NaN))));
        try (Network net = Network.create("poisoned", layers, new long[] {3, 48, 48}, Head.SIGMOID, 2)) {
            TrainingDivergedException error = assertThrows(TrainingDivergedException.class,
                    () -> Fit.fit(net, DATA, FitConfig.epochs(1).quiet()));
            assertTrue(error.getMessage().contains("NaN") && error.getMessage().contains("epoch 1"), error.getMessage());
        }
    }

    @Test
    void aSmallHeadOnAFrozenBaseTrainsWithoutAFalseZeroGradientAlarm() {
        try (Network net = smallCnn()) {
            Parameter conv = net.parameters().values().iterator().next();
            conv.freeze(true);
            float[] frozenBefore = conv.getArray().toFloatArray();
            NDArray head = net.parameters().get(lastKey(net)).getArray();
            float[] headBefore = head.toFloatArray();
            Fit.fit(net, DATA, FitConfig.epochs(1).quiet());
            assertArrayEqualsExactly(frozenBefore, conv.getArray().toFloatArray());
            assertNotEquals(headBefore[0], head.toFloatArray()[0]);
            assertEquals(net.parameterCount() - conv.getArray().size(), net.trainableParameterCount());
        }
    }

    @Test
    void imagesOfTheWrongSizeAreRejectedWithBothSizes() {
        try (Network net = smallCnn()) {
            ImageSet small = SyntheticImages.darkAndBright(8, 46, 3, 1);
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> Fit.fit(net, small, null, FitConfig.epochs(1).quiet()));
            assertTrue(error.getMessage().contains("3x46x46") && error.getMessage().contains("3x48x48"), error.getMessage());
        }
    }

    @Test
    void evaluationDoesNotChangeTheWeights() {
        try (Network net = smallCnn()) {
            float[] before = net.parameters().values().iterator().next().getArray().toFloatArray();
            Evaluation evaluation = Fit.evaluate(net, DATA.test());
            assertEquals(DATA.test().size(), evaluation.images());
            assertArrayEqualsExactly(before, net.parameters().values().iterator().next().getArray().toFloatArray());
            assertFalse(Double.isNaN(evaluation.loss()));
        }
    }

    @Test
    void evaluationAndPredictionOverSeveralBatchesCountEveryImageOnce() {
        ImageSet images = SyntheticImages.darkAndBright(2 * Batches.INFERENCE + 3, 48, 3, 9);
        Seeds.set(4);
        try (Network net = smallCnn()) {
            Fit.fit(net, DATA, FitConfig.epochs(3).batchSize(8).optimizer(Optimizers.adam(1e-3)).quiet());
            int[] predicted = net.predict(images);
            assertNotEquals(1, java.util.Arrays.stream(predicted).distinct().count(), "a network that tells the classes apart");
            double lossSum = 0;
            int correct = 0;
            for (int i = 0; i < images.size(); i++) {
                ImageSet one = images.subset(i);
                lossSum += Fit.evaluate(net, one).loss();
                assertEquals(net.predict(one)[0], predicted[i], "image " + i);
                correct += predicted[i] == images.label(i) ? 1 : 0;
            }
            Evaluation all = Fit.evaluate(net, images);
            assertEquals(images.size(), all.images());
            assertEquals(lossSum / images.size(), all.loss(), 1e-5);
            assertEquals((double) correct / images.size(), all.accuracy(), 0);
        }
    }

    private static String lastKey(Network net) {
        String last = null;
        for (String key : net.parameters().keySet()) {
            if (key.endsWith("weight")) {
                last = key;
            }
        }
        return last;
    }

    private static void assertArrayEqualsExactly(float[] expected, float[] actual) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, actual, 0f);
    }
}
