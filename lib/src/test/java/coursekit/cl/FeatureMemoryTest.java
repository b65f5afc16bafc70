package coursekit.cl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coursekit.train.FeatureSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FeatureMemoryTest {

    /** {@code n} one-value samples of experience {@code k}, labels alternating 0, 1; the value tells experience and position. */
    static FeatureSet experience(int k, int n) {
        float[] values = new float[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            values[i] = k * 1000 + i;
            labels[i] = i % 2;
        }
        return FeatureSet.of(values, new long[] {1}, labels, List.of("cats", "dogs"));
    }

    @Test
    void neverHoldsMoreThanItsBudgetAndSharesItByExperience() {
        FeatureMemory memory = new FeatureMemory(50);
        assertNull(memory.features());
        for (int k = 0; k < 10; k++) {
            memory.add(experience(k, 40), new Random(k));
            assertTrue(memory.size() <= 50, "after experience " + k + ": " + memory.size());
            int share = Math.min(40, 50 / (k + 1));
            for (int kept : memory.sizes()) {
                assertEquals(share, kept, "after experience " + k);
            }
        }
        assertEquals(10, memory.sizes().length);
        assertEquals(50, memory.size());
        assertEquals(50, memory.features().size());
    }

    @Test
    void eachShareIsClassBalancedAndDrawnFromItsOwnExperience() {
        FeatureMemory memory = new FeatureMemory(12);
        memory.add(experience(0, 40), new Random(1));
        memory.add(experience(1, 40), new Random(2));
        FeatureSet kept = memory.features();
        int[][] counts = new int[2][2];
        for (int i = 0; i < kept.size(); i++) {
            counts[(int) kept.features(i)[0] / 1000][kept.label(i)]++;
        }
        assertArrayEquals(new int[] {3, 3}, counts[0]);
        assertArrayEquals(new int[] {3, 3}, counts[1]);
    }

    @Test
    void theSameDrawsKeepTheSameSamples() {
        FeatureMemory a = new FeatureMemory(10);
        FeatureMemory b = new FeatureMemory(10);
        a.add(experience(0, 40), new Random(7));
        b.add(experience(0, 40), new Random(7));
        for (int i = 0; i < 10; i++) {
            assertArrayEquals(a.features().features(i), b.features().features(i));
        }
    }

    @Test
    void aBudgetSmallerThanTheExperiencesIsRefused() {
        FeatureMemory memory = new FeatureMemory(1);
        memory.add(experience(0, 4), new Random(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> memory.add(experience(1, 4), new Random(0)));
        assertEquals("A replay memory of 1 samples cannot keep one sample of each of 2 experiences; give it a budget of at least 2.",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new FeatureMemory(0));
    }
}
