package coursekit.cl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import coursekit.engine.Garbage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A run must not depend on when the JVM collects garbage: EWC with a head per task once ended at 75, 82 or 88 % for the
 * same seed and command, because a collection between the forward and the backward pass freed the number its penalty
 * was scaled by. Here every training step of the second task collects garbage before its backward pass.
 */
class GarbageCollectionTest {

    private static final Scenario TASKS = Scenarios.taskIncremental(Spots.data(4, 24, 6), 2, 5);

    @Test
    void ewcTrainsAlikeWhenGarbageIsCollectedInsideEveryStep() {
        assertSameRun(() -> new ElasticWeightConsolidation(10_000, 20));
    }

    @Test
    void lwfTrainsAlikeWhenGarbageIsCollectedInsideEveryStep() {
        assertSameRun(() -> new LearningWithoutForgetting(1, 2));
    }

    @Test
    void siTrainsAlikeWhenGarbageIsCollectedInsideEveryStep() {
        assertSameRun(() -> new SynapticIntelligence(10, 0.1));
    }

    private static void assertSameRun(java.util.function.Supplier<Plugin> method) {
        List<String> quiet = new ArrayList<>();
        List<String> collected = new ArrayList<>();
        AccuracyMatrix a = trainer(quiet).run(TASKS, Strategy.of("method", method).supportingTaskIncremental());
        AccuracyMatrix b = trainer(collected).run(TASKS, Strategy.of("method", method, Collect::new).supportingTaskIncremental());
        assertEquals(quiet, collected, "the training losses, experience by experience");
        assertEquals(a, b);
    }

    /** Progress lines without their seconds, which differ from run to run. */
    private static ContinualTrainer trainer(List<String> lines) {
        return ContinualTrainer.builder(Spots::mlp).epochs(2).batchSize(16).optimizer(() -> coursekit.train.Optimizers.adam(0.01)).seed(3)
                .progress(line -> lines.add(line.replaceAll(" - [0-9.]+s$", ""))).build();
    }

    /** Collects garbage after the plugins before it have built the loss, from the second experience on. */
    private static final class Collect implements Plugin {
        private int experience = -1;

        @Override
        public void beforeExperience(ExperienceStart start) {
            experience = start.index();
        }

        @Override
        public NDArray loss(TrainingStep step, NDArray loss) {
            if (experience > 0) {
                Garbage.collectNow();
            }
            return loss;
        }
    }
}
