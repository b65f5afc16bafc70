package coursekit.cl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LearningWithoutForgettingTest {

    /** KL between softmax((0, 2) / 2) and softmax((2, 0) / 2), times T^2 (worked by hand in DistillationTest). */
    private static final double ONE_HEAD = 1.848469;

    @Test
    void distilsEachEarlierHeadOnItsOwnAndAddsThemUp() {
        // Heads of two earlier tasks (units 0-1 and 2-3) and the current task's (4-5), which distillation must ignore.
        List<TrainingStep.Units> heads = List.of(new TrainingStep.Units(0, 2), new TrainingStep.Units(2, 4));
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray old = manager.create(new float[] {2f, 0f, 2f, 0f, -5f, 5f}, new Shape(1, 6));
            NDArray bothMoved = manager.create(new float[] {0f, 2f, 0f, 2f, 9f, 1f}, new Shape(1, 6));
            NDArray firstMoved = manager.create(new float[] {0f, 2f, 2f, 0f, 3f, 3f}, new Shape(1, 6));
            assertEquals(2 * ONE_HEAD, LearningWithoutForgetting.distillation(bothMoved, old, heads, 2.0).getFloat(), 1e-5);
            assertEquals(ONE_HEAD, LearningWithoutForgetting.distillation(firstMoved, old, heads, 2.0).getFloat(), 1e-5);
        }
    }

    @Test
    void aTaskIncrementalStreamShowsEachEarlierTasksHeadToThePlugins() {
        Scenario tasks = Scenarios.taskIncremental(Spots.data(6, 20, 2), 3, 5);
        List<List<TrainingStep.Units>> seen = new ArrayList<>();
        Strategy recording = Strategy.of("recording", () -> new Plugin() {
            @Override
            public NDArray loss(TrainingStep step, NDArray loss) {
                if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(step.oldHeads())) {
                    seen.add(step.oldHeads());
                }
                // The active units are every head so far; each task brings a head of 2 units after the earlier ones.
                assertEquals(step.oldClasses() + 2, step.activeClasses());
                return loss;
            }
        }).supportingTaskIncremental();
        Spots.trainer(1).run(tasks, recording);
        assertEquals(List.of(List.of(), List.of(new TrainingStep.Units(0, 2)),
                List.of(new TrainingStep.Units(0, 2), new TrainingStep.Units(2, 4))), seen);
    }

    @Test
    void addsTheDistillationOfEarlierHeadsToTheLossOfLaterTasks() {
        Scenario tasks = Scenarios.taskIncremental(Spots.data(6, 40, 2), 3, 5);
        LossProbe probe = LossProbe.run(Spots.trainer(4), tasks, () -> new LearningWithoutForgetting(1, 2));
        double[] added = probe.added;
        AccuracyMatrix r = probe.matrix;
        assertEquals(0.0, added[0], 0.0, "nothing to distil in the first task");
        assertTrue(added[1] > 0 && added[2] > 0, "distillation added in tasks 2 and 3: " + java.util.Arrays.toString(added));
        assertTrue(r.get(2, 0) > 0.7, "first task after the third: " + r.get(2, 0));
    }
}
