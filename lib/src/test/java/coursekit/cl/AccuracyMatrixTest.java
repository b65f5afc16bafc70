package coursekit.cl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class AccuracyMatrixTest {

    private static final double NAN = Double.NaN;

    /**
     * Worked out by hand:
     * average accuracy: after 0: 0.9; after 1: (0.6 + 0.8) / 2 = 0.7; after 2: (0.3 + 0.5 + 0.7) / 3 = 0.5.
     * average incremental: (0.9 + 0.7 + 0.5) / 3 = 0.7.
     * forgetting: j=0: max(0.9, 0.6) - 0.3 = 0.6; j=1: 0.8 - 0.5 = 0.3; mean 0.45.
     * BWT: j=0: 0.3 - 0.9 = -0.6; j=1: 0.5 - 0.8 = -0.3; mean -0.45.
     */
    private final AccuracyMatrix m = new AccuracyMatrix("Naive", new double[][] {
        {0.9, NAN, NAN},
        {0.6, 0.8, NAN},
        {0.3, 0.5, 0.7}}, new int[] {2, 4, 6});

    @Test
    void averageAccuracyIsTheMeanOverSeenExperiences() {
        assertEquals(0.9, m.averageAccuracy(0), 1e-12);
        assertEquals(0.7, m.averageAccuracy(1), 1e-12);
        assertEquals(0.5, m.averageAccuracy(2), 1e-12);
    }

    @Test
    void aRenamedMatrixKeepsItsAccuracies() {
        AccuracyMatrix renamed = m.named("LwF, lambda 2.0");
        assertEquals("LwF, lambda 2.0", renamed.strategy());
        assertEquals("Naive", m.strategy());
        assertEquals(m.finalAccuracy(), renamed.finalAccuracy(), 0);
        org.junit.jupiter.api.Assertions.assertArrayEquals(m.classesSeen(), renamed.classesSeen());
    }

    @Test
    void averageIncrementalAccuracyAveragesTheCurve() {
        assertEquals(0.7, m.averageIncrementalAccuracy(), 1e-12);
    }

    @Test
    void finalAccuracyIsTheLastAverage() {
        assertEquals(0.5, m.finalAccuracy(), 1e-12);
    }

    @Test
    void forgettingTakesTheBestEarlierAccuracy() {
        assertEquals(0.45, m.forgetting(), 1e-12);
    }

    @Test
    void forgettingUsesTheMaximumNotTheDiagonal() {
        // Experience 0 improves to 0.95 after experience 1, then drops to 0.5: forgetting 0.45, BWT only -0.35.
        AccuracyMatrix rising = new AccuracyMatrix("x", new double[][] {
            {0.85, NAN, NAN}, {0.95, 0.9, NAN}, {0.5, 0.9, 0.8}}, new int[] {1, 2, 3});
        assertEquals((0.45 + 0.0) / 2, rising.forgetting(), 1e-12);
        assertEquals((-0.35 + 0.0) / 2, rising.backwardTransfer(), 1e-12);
    }

    @Test
    void backwardTransferComparesFinalWithJustLearned() {
        assertEquals(-0.45, m.backwardTransfer(), 1e-12);
    }

    @Test
    void oneExperienceHasNoForgettingAndNoTransfer() {
        AccuracyMatrix one = new AccuracyMatrix("Joint", new double[][] {{0.8}}, new int[] {10});
        assertEquals(0.8, one.averageIncrementalAccuracy(), 1e-12);
        assertEquals(0.8, one.finalAccuracy(), 1e-12);
        assertEquals(0.0, one.forgetting());
        assertEquals(0.0, one.backwardTransfer());
    }

    @Test
    void accuracyOutsideZeroToOneIsRefusedNamingTheEntry() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new AccuracyMatrix("x", new double[][] {{0.5, NAN}, {87.0, 0.4}}, new int[] {1, 2}));
        assertTrue(e.getMessage().contains("R[1][0]"), e.getMessage());
    }

    @Test
    void missingValueOnOrBelowTheDiagonalIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new AccuracyMatrix("x", new double[][] {{0.5, NAN}, {NAN, 0.4}}, new int[] {1, 2}));
    }

    @Test
    void tableHasOneRowPerExperienceAndOneColumnPerTestSet() {
        Table t = m.toTable();
        assertEquals(3, t.rowCount());
        assertEquals(java.util.List.of("after", "exp 0", "exp 1", "exp 2"), t.columnNames());
        assertEquals("after experience 1", t.stringColumn("after").get(1));
        assertEquals(0.5, t.doubleColumn("exp 1").get(2), 1e-12);
        assertTrue(t.doubleColumn("exp 2").isMissing(0));
    }

    @Test
    void metricsTableHoldsTheFourMetrics() {
        Table t = m.metricsTable();
        assertEquals(1, t.rowCount());
        assertEquals(0.45, t.doubleColumn(Comparison.FORGETTING).get(0), 1e-12);
        assertEquals(0.7, t.doubleColumn(Comparison.AVERAGE_INCREMENTAL).get(0), 1e-12);
    }
}
