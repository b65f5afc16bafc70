package coursekit.cl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ConsolidatedWeightsTest {

    /** A 2-class head with rows of 2 values; class 0 consolidated once from 100 patterns, class 1 never. */
    private static ConsolidatedWeights afterAFirstBatchOfClassZero() {
        // Batch 1, class 0 only, cur_0 = 100: tw_0 = (1.5, 0.5), mean 1.0, wpast_0 = sqrt(0 / 100) = 0,
        // so cw_0 = (1.5 - 1.0, 0.5 - 1.0) = (0.5, -0.5) and past_0 = 100.
        ConsolidatedWeights cw = new ConsolidatedWeights(2, 2);
        cw.consolidate(new float[] {1.5f, 0.5f, 9f, 9f}, new long[] {100, 0});
        return cw;
    }

    @Test
    void aNewClassIsItsTrainedRowLessTheBatchMean() {
        ConsolidatedWeights cw = afterAFirstBatchOfClassZero();
        // Row 1 was not in the batch: never read (its 9s), never consolidated.
        assertArrayEquals(new float[] {0.5f, -0.5f, 0f, 0f}, cw.consolidated(), 1e-6f);
        assertEquals(100, cw.past(0));
        assertEquals(0, cw.past(1));
    }

    @Test
    void anOldClassWeighsItsPastBySquareRootOfPastOverCurrentPatterns() {
        ConsolidatedWeights cw = afterAFirstBatchOfClassZero();
        // Batch 2, classes 0 and 1, cur = (25, 50): tw_0 = (2.0, 1.0), tw_1 = (0.0, -1.0), mean of all four = 0.5.
        // Class 0: wpast = sqrt(100 / 25) = 2, cw_0 = ((0.5, -0.5) * 2 + (1.5, 0.5)) / 3 = (2.5 / 3, -0.5 / 3).
        // Class 1 (new): wpast = 0, cw_1 = (0.0 - 0.5, -1.0 - 0.5) = (-0.5, -1.5). Then past = (125, 50).
        cw.consolidate(new float[] {2.0f, 1.0f, 0.0f, -1.0f}, new long[] {25, 50});
        assertArrayEquals(new float[] {0.833333f, -0.166667f, -0.5f, -1.5f}, cw.consolidated(), 1e-5f);
        assertEquals(125, cw.past(0));
        assertEquals(50, cw.past(1));
    }

    @Test
    void aBatchStartsFromTheConsolidatedRowsOfItsClassesAndZerosElsewhere() {
        ConsolidatedWeights cw = afterAFirstBatchOfClassZero();
        // Class 0 in the batch: its cw; class 1 (new) starts from zeros.
        assertArrayEquals(new float[] {0.5f, -0.5f, 0f, 0f}, cw.start(new long[] {10, 10}), 0f);
        // Class 0 not in the batch: zeros too, though it has consolidated weights.
        assertArrayEquals(new float[] {0f, 0f, 0f, 0f}, cw.start(new long[] {0, 10}), 0f);
    }

    @Test
    void aBiasIsARowOfOneValue() {
        // Biases (3, 1) for classes 0 and 1 of three, cur = (10, 10): mean 2, cw = (1, -1), class 2 untouched.
        ConsolidatedWeights bias = new ConsolidatedWeights(3, 1);
        bias.consolidate(new float[] {3f, 1f, 7f}, new long[] {10, 10, 0});
        assertArrayEquals(new float[] {1f, -1f, 0f}, bias.consolidated(), 1e-6f);
    }

    @Test
    void countsThatDoNotFitTheLayerAreRefusedNamingThem() {
        ConsolidatedWeights cw = new ConsolidatedWeights(2, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> cw.start(new long[] {1, -1}));
        assertEquals("The batch needs one count of at least 0 per class, 2 in all, but got counts=[1, -1].", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> cw.consolidate(new float[3], new long[] {1, 1}));
        assertEquals("The trained layer must hold 2 rows of 2 values, 4 in all, but got 3.", e.getMessage());
    }
}
