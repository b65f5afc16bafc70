package coursekit.cl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.junit.jupiter.api.Test;

class SynapticIntelligenceTest {

    @Test
    void eachStepAddsItsShareOfTheFallOfTheLoss() {
        // gradient (1, -2); the step moves the weights from (0.5, 0.5) to (0.4, 0.7):
        // omega = -(1 * -0.1), -(-2 * 0.2) = (0.1, 0.4), on top of what it held (1, 1).
        try (NDManager manager = NDManager.newBaseManager()) {
            List<NDArray> omega = List.of(manager.create(new float[] {1f, 1f}));
            SynapticIntelligence.accumulate(omega, List.of(manager.create(new float[] {1f, -2f})),
                    List.of(manager.create(new float[] {0.5f, 0.5f})), List.of(manager.create(new float[] {0.4f, 0.7f})));
            assertArrayEquals(new float[] {1.1f, 1.4f}, omega.get(0).toFloatArray(), 1e-6f);
        }
    }

    @Test
    void theImportanceIsOmegaOverTheSquaredChangePlusXi() {
        // omega (0.1, 0.4), change over the experience (-0.1, 0.2), xi 0.1: 0.1 / 0.11 = 0.909091, 0.4 / 0.14 = 2.857143.
        try (NDManager manager = NDManager.newBaseManager()) {
            List<NDArray> gained = SynapticIntelligence.importance(List.of(manager.create(new float[] {0.1f, 0.4f})),
                    List.of(manager.create(new float[] {0.5f, 0.5f})), List.of(manager.create(new float[] {0.4f, 0.7f})), 0.1);
            assertArrayEquals(new float[] {0.909091f, 2.857143f}, gained.get(0).toFloatArray(), 1e-5f);
        }
    }

    @Test
    void laterExperiencesPayThePenaltyAndTheFirstDoesNot() {
        Scenario tasks = Scenarios.taskIncremental(Spots.data(6, 40, 2), 3, 5);
        LossProbe probe = LossProbe.run(Spots.trainer(4), tasks, () -> new SynapticIntelligence(1, 0.1));
        double[] added = probe.added;
        AccuracyMatrix r = probe.matrix;
        assertEquals(0.0, added[0], 0.0, "no importance yet in the first experience");
        assertTrue(added[1] > 0 && added[2] > 0, "the penalty in experiences 2 and 3: " + java.util.Arrays.toString(added));
        assertTrue(r.get(2, 0) > 0.7, "first task after the third: " + r.get(2, 0));
    }

    @Test
    void runsOverATenExperienceStreamWithoutKeepingArraysAlive() {
        AccuracyMatrix r = Spots.trainer(1).run(Scenarios.classIncremental(Spots.data(10, 10, 4), 5, 5), Strategies.si(1, 0.1));
        assertEquals(5, r.experiences());
    }
}
