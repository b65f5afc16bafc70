package coursekit.cl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDManager;
import coursekit.engine.NewThread;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContinualTrainerTest {

    private static final Scenario THREE_STEPS = Scenarios.classIncremental(Spots.data(6, 40, 1), 3, 5);

    @Test
    void naiveFineTuningForgetsTheFirstExperience() {
        AccuracyMatrix r = Spots.trainer(4).run(THREE_STEPS, Strategies.naive());
        assertTrue(r.get(0, 0) > 0.9, "learned the first experience: " + r.get(0, 0));
        assertTrue(r.get(2, 0) < 0.3, "forgot it after two more: " + r.get(2, 0));
    }

    @Test
    void runsOnAThreadOtherThanTheOneThatLoadedTheEngine() throws InterruptedException {
        Spots.trainer(1).run(THREE_STEPS, Strategies.naive());
        // A notebook kernel runs every cell on a new thread, where PyTorch starts with gradient recording on.
        AccuracyMatrix r = NewThread.call(() -> Spots.trainer(1).run(THREE_STEPS, Strategies.naive()));
        assertEquals(3, r.experiences());
    }

    @Test
    void jointTrainingRemembersTheFirstExperience() {
        AccuracyMatrix r = Spots.trainer(4).run(THREE_STEPS, Strategies.joint());
        assertTrue(r.get(2, 0) > 0.8, "accuracy on the first experience at the end: " + r.get(2, 0));
    }

    @Test
    void replayForgetsLessThanNaive() {
        double naive = Spots.trainer(4).run(THREE_STEPS, Strategies.naive()).finalAccuracy();
        double replay = Spots.trainer(4).run(THREE_STEPS, Strategies.replay(24)).finalAccuracy();
        assertTrue(replay > naive + 0.2, "replay " + replay + " against naive " + naive);
    }

    @Test
    void classesNotYetSeenAreNotMeasured() {
        AccuracyMatrix r = Spots.trainer(1).run(THREE_STEPS, Strategies.naive());
        assertTrue(Double.isNaN(r.get(0, 1)) && Double.isNaN(r.get(1, 2)));
        assertEquals(List.of(2, 4, 6), java.util.Arrays.stream(r.classesSeen()).boxed().toList());
    }

    @Test
    void taskIncrementalExperiencesTrainTheirOwnHead() {
        Scenario tasks = Scenarios.taskIncremental(Spots.data(6, 40, 2), 3, 5);
        AccuracyMatrix r = Spots.trainer(4).run(tasks, Strategies.naive());
        // Each task's head is separate, so later tasks cannot take over the first one's outputs as in class-incremental learning.
        assertTrue(r.get(2, 0) > 0.7, "first task after the third: " + r.get(2, 0));
    }

    @Test
    void newInstancesExperiencesAreMeasuredOnAllClassesFromTheStart() {
        Scenario permuted = Scenarios.newInstances(Spots.data(4, 40, 3), 3, Scenarios.Shift.PERMUTED, 5);
        AccuracyMatrix r = Spots.trainer(4).run(permuted, Strategies.naive());
        assertTrue(r.get(0, 0) > 0.9, "first permutation learned: " + r.get(0, 0));
        assertTrue(!Double.isNaN(r.get(0, 2)), "later permutations hold seen classes, so they are measured");
        assertEquals(List.of(4, 4, 4), java.util.Arrays.stream(r.classesSeen()).boxed().toList());
    }

    @Test
    void replayOnNewInstancesKeepsEveryExperienceOfEachClass() {
        Scenario permuted = Scenarios.newInstances(Spots.data(4, 40, 3), 3, Scenarios.Shift.PERMUTED, 5);
        Replay replay = new Replay(24);
        Spots.trainer(1).run(permuted, Strategy.of("Replay", () -> replay));
        for (int c = 0; c < 4; c++) {
            assertEquals("[2, 2, 2]", java.util.Arrays.toString(replay.memory().partSizes(c)), "class " + c + ", by experience");
        }
    }

    @Test
    void aClassIncrementalStrategyOnATaskIncrementalScenarioSaysWhatToUse() {
        Scenario tasks = Scenarios.taskIncremental(Spots.data(4, 10, 2), 2, 5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Spots.trainer(1).run(tasks, Strategies.cwrStar()));
        assertTrue(e.getMessage().contains("Strategy CWR* trains class-incremental scenarios only")
                && e.getMessage().contains("use naive, joint, cumulative, replay, lwf, icarl, ewc or si there."), e.getMessage());
    }

    @Test
    void theSameSeedGivesTheSameMatrix() {
        AccuracyMatrix a = Spots.trainer(1).run(THREE_STEPS, Strategies.lwf(1, 2));
        AccuracyMatrix b = Spots.trainer(1).run(THREE_STEPS, Strategies.lwf(1, 2));
        assertEquals(a, b);
    }

    @Test
    void runAllGivesEachStrategyTheMatrixItsOwnRunGives() {
        ContinualTrainer trainer = Spots.trainer(1);
        List<AccuracyMatrix> all = trainer.runAll(THREE_STEPS, Strategies.naive(), Strategies.lwf(1, 2));
        assertEquals(List.of(trainer.run(THREE_STEPS, Strategies.naive()), trainer.run(THREE_STEPS, Strategies.lwf(1, 2))), all);
    }

    @Test
    void icarlMemoryNeverExceedsItsBudget() {
        Scenario ten = Scenarios.classIncremental(Spots.data(20, 12, 3), 10, 5);
        Icarl icarl = new Icarl(30, Strategies.Selection.HERDING);
        List<Integer> sizes = new ArrayList<>();
        Strategy strategy = Strategy.of("iCaRL", () -> icarl, () -> new Plugin() {
            @Override
            public void afterExperience(ExperienceEnd end) {
                sizes.add(icarl.memory().size());
            }
        });
        Spots.trainer(1).run(ten, strategy);
        assertEquals(10, sizes.size());
        assertTrue(sizes.stream().allMatch(size -> size <= 30), "memory sizes " + sizes);
        assertEquals(20, sizes.get(9), "20 classes share 30 places, one each");
    }

    @Test
    void nativeMemoryStaysFlatOverTenExperiences() {
        Scenario ten = Scenarios.classIncremental(Spots.data(10, 12, 4), 10, 5);
        List<Integer> liveArrays = new ArrayList<>();
        NDManager probe = NDManager.newBaseManager();
        BaseNDManager system = (BaseNDManager) probe.getParentManager();
        Plugin count = new Plugin() {
            @Override
            public void afterExperience(ExperienceEnd end) {
                liveArrays.add(system.getManagedArrays().size());
            }
        };
        try {
            Spots.trainer(2).run(ten, Strategy.of("probe", () -> new Icarl(10, Strategies.Selection.HERDING),
                    () -> new LearningWithoutForgetting(1, 2), () -> count));
        } finally {
            probe.close();
        }
        assertEquals(liveArrays.get(2), liveArrays.get(9), "live arrays after each experience: " + liveArrays);
    }
}
