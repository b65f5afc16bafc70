package coursekit.cl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import coursekit.data.Datasets;
import coursekit.data.TrainTest;
import coursekit.model.Models;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** AR1: SI on the layers below the output layer, latent replay, and a short run on Split-MNIST. */
class Ar1Test {

    private static final Scenario THREE_STEPS = Scenarios.classIncremental(Spots.data(6, 40, 1), 3, 5);

    /** The Spots trainer with two hidden layers (flatten, dense, re_lu, dense_1, re_lu_1, dense_2): a body above the latent layer. */
    private static ContinualTrainer deeper(int epochs) {
        return ContinualTrainer.builder(units -> Models.mlp(new long[] {1, 5, 5}, units, 32, 32)).epochs(epochs).batchSize(16)
                .optimizer(() -> coursekit.train.Optimizers.adam(0.01)).seed(3).quiet().build();
    }

    /** SI's penalty on the live weights, from a step whose own weights list is empty: SI reads the body it picked. */
    private static float penalty(SynapticIntelligence si, NDManager manager) {
        TrainingStep step = new TrainingStep(manager.zeros(new Shape(1, 1)), manager.zeros(new Shape(1, 2)), new TrainingStep.Units(0, 2),
                manager.zeros(new Shape(1)), 0, List.of(), List.of());
        return si.loss(step, manager.zeros(new Shape())).getFloat();
    }

    @Test
    void siOnTheBodyIgnoresTheOutputLayer() {
        SynapticIntelligence si = SynapticIntelligence.onBody(1, 0.1, null);
        float[] measured = new float[3];
        Plugin perturb = new Plugin() {
            @Override
            public void beforeExperience(ExperienceStart start) {
                if (start.index() != 2) {
                    return;
                }
                // The experience starts where the last one ended, at SI's anchors: no penalty yet.
                NDArray head = start.headWeights().get(0);
                NDArray body = start.bodyWeights(null).get(0);
                try (NDManager manager = NDManager.newBaseManager(head.getDevice())) {
                    measured[0] = penalty(si, manager);
                    head.addi(1f);
                    measured[1] = penalty(si, manager);
                    head.subi(1f);
                    body.addi(0.1f);
                    measured[2] = penalty(si, manager);
                    body.subi(0.1f);
                }
            }
        };
        Spots.trainer(3).run(THREE_STEPS, Strategy.of("SI on the body", () -> si, () -> perturb));
        assertEquals(0f, measured[0], 1e-6f, "at the anchors");
        assertEquals(0f, measured[1], 1e-6f, "moving the output layer costs nothing");
        assertTrue(measured[2] > 1e-3, "moving the body costs: " + Arrays.toString(measured));
    }

    @Test
    void siOnTheBodyPenalisesLaterExperiencesOnly() {
        LossProbe probe = LossProbe.run(Spots.trainer(3), THREE_STEPS, () -> SynapticIntelligence.onBody(1, 0.1, null));
        assertEquals(0.0, probe.added[0], 0.0);
        assertTrue(probe.added[1] > 0 && probe.added[2] > 0, Arrays.toString(probe.added));
    }

    @Test
    void latentReplayFreezesTheLayersUpToItsLayerAndTrainsThoseAbove() {
        List<float[]> lower = new ArrayList<>();
        List<float[]> upper = new ArrayList<>();
        Plugin watch = new Plugin() {
            @Override
            public void afterExperience(ExperienceEnd end) {
                lower.add(end.bodyWeights(null).get(0).toFloatArray());
                upper.add(end.bodyWeights("re_lu").get(0).toFloatArray());
            }
        };
        deeper(2).run(THREE_STEPS, Strategy.of("latent replay", () -> new LatentReplay(30, "re_lu"), () -> watch));
        assertArrayEquals(lower.get(0), lower.get(2), "dense, below the latent layer, frozen after the first experience");
        assertTrue(!Arrays.equals(upper.get(0), upper.get(2)), "dense_1, above it, still trains");
    }

    @Test
    void replayedActivationsJoinTheLossAndTheMemoryKeepsItsBudget() {
        LatentReplay replay = new LatentReplay(30, "re_lu");
        List<Integer> sizes = new ArrayList<>();
        LossProbe probe = LossProbe.run(deeper(2), THREE_STEPS, () -> new PluginChain(replay, new Plugin() {
            @Override
            public void afterExperience(ExperienceEnd end) {
                sizes.add(replay.memory().size());
            }
        }));
        assertEquals(0.0, probe.added[0], 0.0, "nothing stored before the first experience ends");
        assertTrue(probe.added[1] != 0 && probe.added[2] != 0, Arrays.toString(probe.added));
        assertEquals(List.of(30, 30, 30), sizes);
        // 30 from the first experience, then 15 replace, then 10: about equal shares, each class of the first still there.
        long[] counts = replay.classCounts(6);
        assertTrue(Arrays.stream(counts).allMatch(c -> c > 0), Arrays.toString(counts));
    }

    @Test
    void anUnknownLatentLayerOrTheOutputLayerIsRefusedNamingTheLayers() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Spots.trainer(1).run(THREE_STEPS, Strategies.ar1(1, 0.1, 10, "conv2d")));
        assertEquals("No layer is named 'conv2d'; the layers are [flatten, dense, re_lu, dense_1].", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Spots.trainer(1).run(THREE_STEPS, Strategies.ar1(1, 0.1, 10, "dense_1")));
        assertEquals("Layer 'dense_1' is the output layer, with no layer above it to train; name a layer below it, one of "
                + "[flatten, dense, re_lu].", e.getMessage());
    }

    @Test
    void badSettingsAreRefusedNamingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Strategies.ar1(-1, 0.1));
        assertEquals("AR1 needs a strength c of at least 0 and a damping xi above 0, but got c=-1.0, xi=0.1.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Strategies.ar1(1, 0.1, 10, " "));
        assertEquals("Latent replay needs the name of the layer whose activations it stores, e.g. \"re_lu\", but got latentLayer= .", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Strategies.ar1(1, 0.1, 0, "re_lu"));
        assertTrue(e.getMessage().contains("memorySize=0"), e.getMessage());
    }

    @Test
    void nativeMemoryStaysFlatOverTenExperiencesOfLatentReplay() {
        Scenario ten = Scenarios.classIncremental(Spots.data(10, 12, 4), 10, 5);
        List<Integer> liveArrays = new ArrayList<>();
        NDManager probe = NDManager.newBaseManager();
        ai.djl.ndarray.BaseNDManager system = (ai.djl.ndarray.BaseNDManager) probe.getParentManager();
        Plugin count = new Plugin() {
            @Override
            public void afterExperience(ExperienceEnd end) {
                liveArrays.add(system.getManagedArrays().size());
            }
        };
        try {
            deeper(1).run(ten, Strategy.of("probe", () -> {
                LatentReplay replay = new LatentReplay(20, "re_lu");
                return new PluginChain(replay, new CopyWeightsWithReinit(false, replay), SynapticIntelligence.onBody(1, 0.1, "re_lu"));
            }, () -> count));
        } finally {
            probe.close();
        }
        assertEquals(liveArrays.get(2), liveArrays.get(9), "live arrays after each experience: " + liveArrays);
    }

    @Test
    void onSplitMnistAr1KeepsSomeOfWhatNaiveForgetsEntirely() {
        // The quick mode's Split-MNIST: 60 training and 20 test images per digit, 5 experiences of 2 digits.
        TrainTest mnist = Datasets.mnist();
        Scenario split = Scenarios.classIncremental(new TrainTest(mnist.train().firstPerClass(60), mnist.test().firstPerClass(20)), 5, 42);
        ContinualTrainer trainer = ContinualTrainer.builder(units -> Models.mlp(new long[] {1, 28, 28}, units, 256, 256)).epochs(5).seed(42)
                .quiet().build();
        List<AccuracyMatrix> runs = trainer.runAll(split, Strategies.naive(), Strategies.cwrStar(), Strategies.ar1(10, 0.1),
                Strategies.ar1(10, 0.1, 200, "re_lu"));
        AccuracyMatrix naive = runs.get(0);
        assertEquals(5, runs.get(2).experiences());
        assertTrue(Double.isNaN(runs.get(2).get(0, 1)), "digits not yet seen are not measured");
        assertTrue(oldAtTheEnd(naive) < 0.05, "Naive on experiences 1-4 at the end: " + oldAtTheEnd(naive));
        assertTrue(runs.get(1).get(4, 0) > 0.5, "CWR* on the first experience at the end: " + runs.get(1).get(4, 0));
        assertTrue(oldAtTheEnd(runs.get(2)) > 0.1, "AR1 on experiences 1-4 at the end: " + oldAtTheEnd(runs.get(2)));
        assertTrue(runs.get(3).finalAccuracy() > naive.finalAccuracy() + 0.1,
                "AR1 with latent replay " + runs.get(3).finalAccuracy() + " against Naive " + naive.finalAccuracy());
    }

    /** The mean accuracy on the first four experiences after the fifth. */
    private static double oldAtTheEnd(AccuracyMatrix r) {
        return (r.get(4, 0) + r.get(4, 1) + r.get(4, 2) + r.get(4, 3)) / 4;
    }
}
