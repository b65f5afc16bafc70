package coursekit.cl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import coursekit.data.Batches;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CWR* in the trainer: what the output layer holds before, during and after each experience. */
class CopyWeightsWithReinitTest {

    private static final Scenario THREE_STEPS = Scenarios.classIncremental(Spots.data(6, 40, 1), 3, 5);

    /** What a probe after CWR* in the same strategy saw of the output layer's weight, row after row. */
    private static final class HeadProbe implements Plugin {
        final CopyWeightsWithReinit cwr;
        final List<float[]> atStart = new ArrayList<>();
        final List<float[]> atEnd = new ArrayList<>();
        final List<float[]> consolidatedAtEnd = new ArrayList<>();
        final List<Boolean> testedWithConsolidated = new ArrayList<>();
        private List<NDArray> head;

        HeadProbe(CopyWeightsWithReinit cwr) {
            this.cwr = cwr;
        }

        @Override
        public void beforeExperience(ExperienceStart start) {
            atStart.add(start.headWeights().get(0).toFloatArray());
        }

        @Override
        public void afterExperience(ExperienceEnd end) {
            head = end.headWeights();
            atEnd.add(head.get(0).toFloatArray());
            consolidatedAtEnd.add(cwr.consolidated(0));
        }

        /** Called while the trainer tests: the output layer it tests with, against the consolidated rows. */
        @Override
        public NDArray scores(NDArray features, int activeClasses) {
            testedWithConsolidated.add(Arrays.equals(head.get(0).toFloatArray(), cwr.consolidated(0))
                    && Arrays.equals(head.get(1).toFloatArray(), cwr.consolidated(1)));
            return null;
        }
    }

    private static HeadProbe run(Scenario scenario) {
        CopyWeightsWithReinit cwr = new CopyWeightsWithReinit(true, null);
        HeadProbe probe = new HeadProbe(cwr);
        Spots.trainer(3).run(scenario, Strategy.of("CWR* probed", () -> cwr, () -> probe));
        return probe;
    }

    private static float[] rows(float[] values, int from, int to, int width) {
        return Arrays.copyOfRange(values, from * width, to * width);
    }

    @Test
    void theNetworkIsTestedWithTheConsolidatedOutputLayer() {
        HeadProbe probe = run(THREE_STEPS);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(probe.consolidatedAtEnd.get(i), probe.atEnd.get(i), "after experience " + i);
        }
        // Every test batch of every seen experience, after each of the three experiences.
        int batches = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j <= i; j++) {
                batches += (THREE_STEPS.experience(j).test().size() + Batches.INFERENCE - 1) / Batches.INFERENCE;
            }
        }
        assertEquals(batches, probe.testedWithConsolidated.size());
        assertTrue(probe.testedWithConsolidated.stream().allMatch(b -> b), probe.testedWithConsolidated.toString());
    }

    @Test
    void eachExperienceStartsItsClassesFromZeroAndHidesTheOldOnes() {
        HeadProbe probe = run(THREE_STEPS);
        // Class-incremental: every class is new when its experience starts, and the old classes' rows are set to 0
        // for training, though they hold consolidated weights; the Spots MLP's head reads 32 features.
        float[] secondStart = probe.atStart.get(1);
        assertTrue(rows(probe.atEnd.get(0), 0, 2, 32)[0] != 0, "classes 0 and 1 were consolidated");
        assertArrayEquals(new float[secondStart.length], secondStart, "the whole layer is 0 before experience 2");
        assertArrayEquals(new float[probe.atStart.get(2).length], probe.atStart.get(2), "and before experience 3");
    }

    @Test
    void anOldClassKeepsItsConsolidatedRowsWhileLaterExperiencesTrain() {
        HeadProbe probe = run(THREE_STEPS);
        float[] firstClasses = rows(probe.atEnd.get(0), 0, 2, 32);
        assertArrayEquals(firstClasses, rows(probe.atEnd.get(1), 0, 2, 32));
        assertArrayEquals(firstClasses, rows(probe.atEnd.get(2), 0, 2, 32));
        // The classes of an experience come out centred: each batch's rows have mean 0 over all their values.
        float[] secondClasses = rows(probe.atEnd.get(1), 2, 4, 32);
        double mean = 0;
        for (float v : secondClasses) {
            mean += v / secondClasses.length;
        }
        assertEquals(0, mean, 1e-5);
    }

    @Test
    void classesSeenAgainStartFromTheirConsolidatedRows() {
        // Every experience of a new-instances stream holds all four classes.
        Scenario permuted = Scenarios.newInstances(Spots.data(4, 40, 3), 3, Scenarios.Shift.PERMUTED, 5);
        HeadProbe probe = run(permuted);
        assertArrayEquals(probe.consolidatedAtEnd.get(0), probe.atStart.get(1));
        assertArrayEquals(probe.consolidatedAtEnd.get(1), probe.atStart.get(2));
        assertTrue(!Arrays.equals(probe.atStart.get(1), probe.atStart.get(2)), "the second experience moved the rows");
    }

    @Test
    void cwrStarKeepsTheFirstExperienceThatNaiveForgets() {
        AccuracyMatrix naive = Spots.trainer(4).run(THREE_STEPS, Strategies.naive());
        AccuracyMatrix cwr = Spots.trainer(4).run(THREE_STEPS, Strategies.cwrStar());
        assertTrue(naive.get(2, 0) < 0.3, "naive on the first experience at the end: " + naive.get(2, 0));
        assertTrue(cwr.get(2, 0) > 0.7, "CWR* on the first experience at the end: " + cwr.get(2, 0));
    }
}
