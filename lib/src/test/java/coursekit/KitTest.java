package coursekit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import coursekit.data.Datasets;
import coursekit.data.Split;
import coursekit.data.TrainTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KitTest {

    private static final String QUICK = "coursekit.quick";

    private final String previous = System.getProperty(QUICK);

    @AfterEach
    void restoreQuickMode() {
        if (previous == null) {
            System.clearProperty(QUICK);
        } else {
            System.setProperty(QUICK, previous);
        }
    }

    private static Split catsDogs() {
        return Datasets.catsDogs32().split(0.5, 0.25, 0.25, 42);
    }

    @Test
    void budgetKeepsTheWholeSplitOutsideQuickMode() {
        System.setProperty(QUICK, "false");
        Split data = catsDogs();
        assertSame(data, Kit.budget(data));
    }

    @Test
    void budgetKeepsSixteenTrainingAndEightOtherImagesPerClassInQuickMode() {
        System.setProperty(QUICK, "true");
        Split small = Kit.budget(catsDogs());
        assertArrayEquals(new int[] {16, 16}, small.train().classCounts());
        assertArrayEquals(new int[] {8, 8}, small.validation().classCounts());
        assertArrayEquals(new int[] {8, 8}, small.test().classCounts());
    }

    @Test
    void budgetKeepsSixtyTrainingAndTwentyTestImagesPerClassOfATrainTestSetInQuickMode() {
        System.setProperty(QUICK, "true");
        TrainTest small = Kit.budget(Datasets.mnist());
        assertEquals(600, small.train().size());
        assertEquals(200, small.test().size());
        assertArrayEquals(new int[] {20, 20, 20, 20, 20, 20, 20, 20, 20, 20}, small.test().classCounts());
    }

    @Test
    void budgetKeepsAWholeTrainTestSetOutsideQuickMode() {
        System.setProperty(QUICK, "false");
        TrainTest data = Datasets.mnist();
        assertSame(data, Kit.budget(data));
    }
}
