package coursekit.cl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NearestMeanOfExemplarsTest {

    @Test
    void assignsEachFeatureToTheNearestClassMean() {
        double[][][] exemplars = {
            {{1, 0.1}, {1, -0.1}},
            {{0.1, 1}, {-0.1, 1}},
            {{-1, 0.05}, {-1, -0.05}}
        };
        NearestMeanOfExemplars nme = NearestMeanOfExemplars.fit(exemplars);
        assertArrayEquals(new int[] {0, 1, 2, 1}, nme.predict(new double[][] {{5, 1}, {0.2, 3}, {-2, 0.3}, {-1, 1.2}}));
    }

    @Test
    void comparesDirectionsNotLengths() {
        // Class 0's exemplars are long, class 1's short; a short vector along class 0 still belongs to class 0.
        NearestMeanOfExemplars nme = NearestMeanOfExemplars.fit(new double[][][] {{{10, 0}}, {{0, 0.1}}});
        assertArrayEquals(new int[] {0}, nme.predict(new double[][] {{0.1, 0.05}}));
    }

    @Test
    void neverPredictsAClassWithoutExemplars() {
        NearestMeanOfExemplars nme = NearestMeanOfExemplars.fit(new double[][][] {null, {{0, 1}}});
        assertArrayEquals(new int[] {1}, nme.predict(new double[][] {{1, 0}}));
        assertEquals(Double.NEGATIVE_INFINITY, nme.scores(new double[] {1, 0})[0]);
    }

    @Test
    void needsExemplarsOfSomeClass() {
        assertThrows(IllegalArgumentException.class, () -> NearestMeanOfExemplars.fit(new double[][][] {null, {}}));
    }
}
