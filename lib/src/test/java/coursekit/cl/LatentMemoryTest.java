package coursekit.cl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LatentMemoryTest {

    /** {@code n} one-value activations of class {@code label}, each holding its label. */
    private static float[][] rows(int n, int label) {
        float[][] rows = new float[n][];
        Arrays.setAll(rows, i -> new float[] {label});
        return rows;
    }

    private static int[] labels(int n, int label) {
        int[] labels = new int[n];
        Arrays.fill(labels, label);
        return labels;
    }

    @Test
    void eachExperienceTakesTheBudgetOverItsNumberAndReplacesAtRandom() {
        LatentMemory memory = new LatentMemory(12);
        Random random = new Random(1);
        // Experience 0 may fill the memory; experience 1 takes 12 / 2 = 6 places; experience 2, 12 / 3 = 4.
        assertEquals(12, memory.share(0, 100));
        memory.add(rows(12, 0), labels(12, 0), random);
        assertEquals(6, memory.share(1, 100));
        memory.add(rows(6, 1), labels(6, 1), random);
        assertArrayEquals(new long[] {6, 6, 0}, memory.classCounts(3));
        memory.add(rows(4, 2), labels(4, 2), random);
        long[] counts = memory.classCounts(3);
        assertEquals(12, memory.size());
        assertEquals(12, Arrays.stream(counts).sum());
        assertEquals(4, counts[2]);
        for (int i = 0; i < memory.size(); i++) {
            assertEquals(memory.label(i), (int) memory.row(i)[0], "activation " + i + " kept its label");
        }
    }

    @Test
    void activationsFillTheFreePlacesBeforeReplacingAny() {
        LatentMemory memory = new LatentMemory(10);
        Random random = new Random(2);
        memory.add(rows(4, 0), labels(4, 0), random);
        // Only 4 of experience 0 were there to take; the next 5 go to free places, then of 3 more, 1 to the last free place
        // and 2 over stored ones.
        assertEquals(4, memory.share(0, 4));
        memory.add(rows(5, 1), labels(5, 1), random);
        assertArrayEquals(new long[] {4, 5}, memory.classCounts(2));
        memory.add(rows(3, 1), labels(3, 1), random);
        assertEquals(10, memory.size());
        assertEquals(10, Arrays.stream(memory.classCounts(2)).sum());
    }

    @Test
    void moreActivationsThanTheBudgetAreRefused() {
        LatentMemory memory = new LatentMemory(2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> memory.add(rows(3, 0), labels(3, 0), new Random(0)));
        assertEquals("The memory takes at most 2 activations with one label each, but got 3 activations and 3 labels.", e.getMessage());
    }
}
