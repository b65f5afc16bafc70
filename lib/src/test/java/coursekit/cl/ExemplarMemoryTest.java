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
}
