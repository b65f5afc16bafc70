package coursekit.cl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coursekit.data.Datasets;
import coursekit.data.TrainTest;
import coursekit.model.Models;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The CLVision 2020 challenge's Multi-Task-NC track on the embedded stand-in, and a head per task of unequal sizes. */
class MultiTaskNcTest {

    @Test
    void tenClassesThenEightTimesFiveEachWithItsTaskLabel() {
        Scenario s = Scenarios.multiTaskNc(42);
        assertEquals("Multi-Task-NC on the CORe50 stand-in (classes [10, 5, 5, 5, 5, 5, 5, 5, 5], seed 42)", s.name());
        assertTrue(s.taskIncremental());
        assertEquals(9, s.size());
        assertEquals(50, s.numClasses());
        assertArrayEquals(new long[] {3, 28, 28}, s.imageShape());
        Set<String> seen = new HashSet<>();
        int offset = 0;
        for (Experience e : s.stream()) {
            int size = e.index() == 0 ? 10 : 5;
            assertEquals(e.index(), e.taskLabel());
            assertArrayEquals(IntStream.range(0, size).toArray(), e.classes(), "labels restart at 0 in task " + e.index());
            assertEquals(s.classNames().subList(offset, offset + size), e.train().classNames());
            assertEquals(e.train().classNames(), e.test().classNames());
            assertEquals(240 * size, e.train().size());
            assertEquals(40 * size, e.test().size());
            seen.addAll(e.train().classNames());
            offset += size;
        }
        assertEquals(new HashSet<>(Datasets.core50StandIn().train().classNames()), seen, "every class of the 50 exactly once");
    }

    @Test
    void theSameSeedGivesTheSameStreamAndAnotherSeedAnotherOrder() {
        List<String> a = digests(Scenarios.multiTaskNc(7));
        assertEquals(a, digests(Scenarios.multiTaskNc(7)));
        assertNotEquals(a, digests(Scenarios.multiTaskNc(8)));
    }

    @Test
    void aDatasetWithoutFiftyClassesIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> Scenarios.multiTaskNc(Datasets.mnist(), 1));
        assertTrue(e.getMessage().contains("but the data has 10 classes"), e.getMessage());
    }

    @Test
    void aQuickRunGivesANineByNineMatrixAndSingleHeadStrategiesAreRefused() {
        TrainTest all = Datasets.core50StandIn();
        Scenario small = Scenarios.multiTaskNc(new TrainTest(all.train().firstPerClass(8), all.test().firstPerClass(4)), 3);
        ContinualTrainer trainer = ContinualTrainer.builder(units -> Models.mlp(small.imageShape(), units, 16))
                .epochs(1).batchSize(32).seed(3).quiet().build();
        for (Strategy strategy : List.of(Strategies.naive(), Strategies.lwf(1, 2), Strategies.replay(100),
                Strategies.icarl(100, Strategies.Selection.HERDING))) {
            AccuracyMatrix r = trainer.run(small, strategy);
            assertEquals(9, r.experiences());
            for (int i = 0; i < 9; i++) {
                for (int j = 0; j < 9; j++) {
                    assertTrue(r.get(i, j) >= 0 && r.get(i, j) <= 1, strategy.name() + " R[" + i + "][" + j + "] = " + r.get(i, j));
                }
            }
        }
        var e = assertThrows(IllegalArgumentException.class, () -> trainer.run(small, Strategies.ar1(10, 0.1)));
        assertTrue(e.getMessage().contains("class-incremental scenarios only"), e.getMessage());
    }

    @Test
    void headsOfUnequalSizesEachLearnTheirTask() {
        TrainTest data = Spots.data(7, 40, 4);
        Scenario tasks = Scenarios.cut("Unequal", data, Scenarios.seededOrder(7, 5), new int[] {3, 2, 2}, "seed 5", true);
        assertEquals(List.of(0, 1, 2), tasks.stream().stream().map(Experience::taskLabel).toList());
        for (Strategy strategy : List.of(Strategies.naive(), Strategies.lwf(1, 2))) {
            AccuracyMatrix r = Spots.trainer(4).run(tasks, strategy);
            for (int j = 0; j < 3; j++) {
                assertTrue(r.get(j, j) > 0.9, strategy.name() + " learned task " + j + ": " + r.get(j, j));
            }
            assertTrue(r.get(2, 0) > 0.7, strategy.name() + " on the first task after the third: " + r.get(2, 0));
        }
    }

    private static List<String> digests(Scenario s) {
        List<String> digests = new ArrayList<>();
        for (Experience e : s.stream()) {
            digests.add(e.train().digest() + e.test().digest());
        }
        return digests;
    }
}
