package coursekit.cl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coursekit.data.ImageSet;
import coursekit.data.TrainTest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ScenariosTest {

    private final TrainTest toy = Toy.data(6, 4);

    @Test
    void classIncrementalExperienceKHoldsNetworkLabelsKcToKPlusOneC() {
        Scenario s = Scenarios.classIncremental(toy, 3, 7);
        assertEquals(3, s.size());
        assertEquals(6, s.numClasses());
        for (Experience e : s.stream()) {
            int k = e.index();
            assertArrayEquals(new int[] {2 * k, 2 * k + 1}, e.classes());
            for (ImageSet set : new ImageSet[] {e.train(), e.test()}) {
                assertEquals(6, set.numClasses(), "class names cover the whole stream");
                for (int i = 0; i < set.size(); i++) {
                    int label = set.label(i);
                    assertTrue(label == 2 * k || label == 2 * k + 1, "label " + label + " in experience " + k);
                    assertEquals(s.classOrder()[label], set.pixel(i, 0, 0, 0), "the image's original label");
                }
            }
            assertEquals(8, e.train().size());
            assertEquals(6, e.test().size());
        }
    }

    @Test
    void classNamesFollowTheNetworkLabels() {
        Scenario s = Scenarios.classIncremental(toy, 3, 7);
        for (int n = 0; n < 6; n++) {
            assertEquals("c" + s.classOrder()[n], s.classNames().get(n));
        }
    }

    @Test
    void sameSeedGivesSameOrderAndAnotherSeedAnother() {
        int[] a = Scenarios.classIncremental(toy, 3, 42).classOrder();
        int[] b = Scenarios.classIncremental(toy, 3, 42).classOrder();
        int[] c = Scenarios.classIncremental(toy, 3, 43).classOrder();
        assertArrayEquals(a, b);
        assertNotEquals(Arrays.toString(a), Arrays.toString(c));
        int[] sorted = a.clone();
        Arrays.sort(sorted);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, sorted);
    }

    @Test
    void nameAndToStringTellTheCutSeedAndOrder() {
        Scenario s = Scenarios.classIncremental(toy, 3, 42);
        assertEquals("Class-incremental (3 x 2 classes, seed 42)", s.name());
        assertTrue(s.toString().contains(Arrays.toString(s.classOrder())), s.toString());
    }

    @Test
    void experiencesThatDoNotDivideTheClassesAreRefusedNamingTheValue() {
        var e = assertThrows(IllegalArgumentException.class, () -> Scenarios.classIncremental(toy, 4, 1));
        assertTrue(e.getMessage().contains("experiences=4"), e.getMessage());
        assertTrue(e.getMessage().contains("[1, 2, 3, 6]"), e.getMessage());
    }

    @Test
    void givenOrderIsKeptAndMayLeaveClassesOut() {
        Scenario s = Scenarios.classIncremental(toy, new int[] {5, 0, 3, 1}, 2);
        assertArrayEquals(new int[] {5, 0, 3, 1}, s.classOrder());
        assertEquals(4, s.numClasses());
        ImageSet first = s.experience(0).train();
        for (int i = 0; i < first.size(); i++) {
            int original = first.pixel(i, 0, 0, 0);
            assertTrue(original == 5 || original == 0, "experience 0 holds original classes 5 and 0, not " + original);
        }
        assertEquals(16, s.trainUpTo(1).size());
    }

    @Test
    void orderWithARepeatedClassIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> Scenarios.classIncremental(toy, new int[] {1, 1}, 1));
        assertTrue(e.getMessage().contains("[1, 1]"), e.getMessage());
    }

    @Test
    void unionsUpToAnExperienceJoinItsPredecessors() {
        Scenario s = Scenarios.classIncremental(toy, 3, 7);
        assertEquals(16, s.trainUpTo(1).size());
        assertEquals(18, s.testUpTo(2).size());
        int[] counts = s.testUpTo(1).classCounts();
        assertArrayEquals(new int[] {3, 3, 3, 3, 0, 0}, counts);
        assertThrows(IndexOutOfBoundsException.class, () -> s.testUpTo(3));
    }

    @Test
    void taskIncrementalRestartsLabelsAndGivesTaskLabels() {
        Scenario s = Scenarios.taskIncremental(toy, 3, 7);
        assertTrue(s.taskIncremental());
        for (Experience e : s.stream()) {
            assertEquals(e.index(), e.taskLabel());
            assertArrayEquals(new int[] {0, 1}, e.classes());
            assertEquals(2, e.train().numClasses());
            int[] order = s.classOrder();
            for (int i = 0; i < e.train().size(); i++) {
                int y = e.train().label(i);
                assertEquals(order[2 * e.index() + y], e.train().pixel(i, 0, 0, 0));
            }
        }
    }

    @Test
    void taskIncrementalUnionUsesGlobalLabels() {
        Scenario s = Scenarios.taskIncremental(toy, 3, 7);
        ImageSet union = s.testUpTo(2);
        assertEquals(6, union.numClasses());
        for (int i = 0; i < union.size(); i++) {
            assertEquals(s.classOrder()[union.label(i)], union.pixel(i, 0, 0, 0));
        }
    }

    @Test
    void classIncrementalIsNotTaskIncremental() {
        assertFalse(Scenarios.classIncremental(toy, 2, 1).taskIncremental());
        assertEquals(0, Scenarios.classIncremental(toy, 2, 1).experience(1).taskLabel());
    }

    @Test
    void splitMnistIsFiveExperiencesOfTwoDigits() {
        Scenario s = Scenarios.splitMnist(42);
        assertEquals("Split-MNIST (5 x 2 classes, seed 42)", s.name());
        assertEquals(10, s.numClasses());
        assertArrayEquals(new long[] {1, 28, 28}, s.imageShape());
        int train = 0;
        for (Experience e : s.stream()) {
            int[] counts = e.train().classCounts();
            for (int label = 0; label < 10; label++) {
                boolean inside = label == e.classes()[0] || label == e.classes()[1];
                assertEquals(inside, counts[label] > 0, "label " + label + " in experience " + e.index());
            }
            train += e.train().size();
        }
        assertEquals(12_000, train);
    }

    @Test
    void splitFashionMnistKeepsFashionNames() {
        Scenario s = Scenarios.splitFashionMnist(1);
        assertTrue(s.classNames().contains("Ankle boot"));
        assertEquals(5, s.size());
    }
}
