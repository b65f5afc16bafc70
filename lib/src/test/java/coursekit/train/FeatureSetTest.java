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
}
