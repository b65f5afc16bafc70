package coursekit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureSetTest {

    @Test
    void ofKeepsItsOwnCopyOfTheArrays() {
        float[] values = {1, 2, 3, 4, 5, 6};
        int[] labels = {0, 1};
        FeatureSet features = FeatureSet.of(values, new long[] {3}, labels, List.of("cat", "dog"));
        values[3] = 99;
        labels[1] = 0;
        assertArrayEquals(new float[] {4, 5, 6}, features.features(1));
        assertEquals(1, features.label(1));
    }

    @Test
    void ofRefusesValuesThatDoNotFitTheShape() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FeatureSet.of(new float[5], new long[] {3}, new int[] {0, 1}, List.of("cat", "dog")));
        assertTrue(e.getMessage().contains("need 6 values, but got 5"), e.getMessage());
    }

    @Test
    void subsetAndConcatKeepEachSampleWithItsLabel() {
        FeatureSet a = FeatureSet.of(new float[] {1, 2, 3, 4, 5, 6}, new long[] {2}, new int[] {0, 1, 0}, List.of("cat", "dog"));
        FeatureSet b = a.subset(2, 0);
        assertArrayEquals(new float[] {5, 6}, b.features(0));
        assertEquals(0, b.label(0));
        FeatureSet joined = FeatureSet.concat(List.of(a.subset(1), b));
        assertEquals(3, joined.size());
        assertArrayEquals(new float[] {3, 4}, joined.features(0));
        assertEquals(1, joined.label(0));
        assertArrayEquals(new float[] {1, 2}, joined.features(2));
    }

    @Test
    void concatRefusesFeaturesOfAnotherShape() {
        FeatureSet a = FeatureSet.of(new float[] {1, 2}, new long[] {2}, new int[] {0}, List.of("cat", "dog"));
        FeatureSet b = FeatureSet.of(new float[] {1, 2}, new long[] {1}, new int[] {0, 1}, List.of("cat", "dog"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FeatureSet.concat(List.of(a, b)));
        assertTrue(e.getMessage().startsWith("Only features of the same shape and classes can be joined"), e.getMessage());
    }
}
