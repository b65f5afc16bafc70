package coursekit.cl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coursekit.data.ImageSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExemplarMemoryTest {

    private static final ImageSet TWENTY_CLASSES = Spots.data(20, 30, 1).train();

    private static int[] classes(int from, int count) {
        return java.util.stream.IntStream.range(from, from + count).toArray();
    }

    @Test
    void neverHoldsMoreThanItsBudgetOverTenExperiences() {
        ExemplarMemory memory = new ExemplarMemory(50);
        Random random = new Random(1);
        for (int k = 0; k < 10; k++) {
            memory.add(TWENTY_CLASSES, classes(2 * k, 2), (images, m) -> Herding.random(images.size(), m, random));
            assertTrue(memory.size() <= 50, "after experience " + k + ": " + memory.size());
        }
        assertEquals(40, memory.size(), "20 classes x 2 exemplars");
    }

    @Test
    void sharesTheBudgetEquallyAndKeepsTheFirstChosen() {
        ExemplarMemory memory = new ExemplarMemory(12);
        memory.add(TWENTY_CLASSES, classes(0, 2), (images, m) -> classes(0, m));
        ImageSet firstBefore = memory.exemplars(0);
        memory.add(TWENTY_CLASSES, classes(2, 2), (images, m) -> classes(0, m));
        assertEquals(6, firstBefore.size());
        assertEquals(3, memory.exemplars(0).size());
        assertEquals(3, memory.exemplars(3).size());
        assertEquals(firstBefore.subset(0, 1, 2).digest(), memory.exemplars(0).digest());
    }

    @Test
    void storesOnlyImagesOfTheirClass() {
        ExemplarMemory memory = new ExemplarMemory(10);
        memory.add(TWENTY_CLASSES, new int[] {4, 7}, (images, m) -> classes(0, m));
        int[] labels = memory.exemplars(7).labels();
        assertTrue(java.util.Arrays.stream(labels).allMatch(label -> label == 7));
    }

    @Test
    void aBudgetSmallerThanTheClassesSaysHowLargeItMustBe() {
        ExemplarMemory memory = new ExemplarMemory(3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> memory.add(TWENTY_CLASSES, classes(0, 4), (images, m) -> classes(0, m)));
        assertTrue(e.getMessage().contains("at least 4"), e.getMessage());
    }

    @Test
    void aClassThatComesAgainKeepsExemplarsOfEverySession() {
        // Three sessions of the same two classes, as CORe50's NI sessions bring them; each pixel tells the session (10 s + label).
        ExemplarMemory memory = new ExemplarMemory(12);
        for (int session = 0; session < 3; session++) {
            int s = session;
            ImageSet images = Toy.images(2, 10, 2, "c", (label, p) -> 10 * s + label);
            memory.add(images, classes(0, 2), (set, m) -> classes(0, m));
            assertTrue(memory.size() <= 12, "after session " + session + ": " + memory.size());
        }
        for (int c = 0; c < 2; c++) {
            int[] sessions = new int[3];
            ImageSet kept = memory.exemplars(c);
            for (int i = 0; i < kept.size(); i++) {
                sessions[kept.pixel(i, 0, 0, 0) / 10]++;
            }
            assertEquals("[2, 2, 2]", java.util.Arrays.toString(sessions), "class " + c + "'s exemplars per session");
            assertEquals("[2, 2, 2]", java.util.Arrays.toString(memory.partSizes(c)));
        }
    }

    @Test
    void sessionsShareAQuotaThatDoesNotDivideEarlierFirstAndOnlyShrink() {
        ExemplarMemory memory = new ExemplarMemory(10);
        java.util.List<String> sizes = new java.util.ArrayList<>();
        for (int session = 0; session < 4; session++) {
            memory.add(TWENTY_CLASSES, classes(0, 1), (images, m) -> classes(0, m));
            sizes.add(java.util.Arrays.toString(memory.partSizes(0)));
        }
        assertEquals(java.util.List.of("[10]", "[5, 5]", "[4, 3, 3]", "[3, 3, 2, 2]"), sizes);
    }
}
