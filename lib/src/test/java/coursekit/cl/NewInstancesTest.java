package coursekit.cl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coursekit.data.ImageSet;
import coursekit.data.TrainTest;
import java.util.List;
import org.junit.jupiter.api.Test;

class NewInstancesTest {

    /** Two 5x5 images with a bright bar in the top row, labels 0 and 1. */
    private static TrainTest bars() {
        byte[] pixels = new byte[2 * 25];
        for (int image = 0; image < 2; image++) {
            for (int col = 0; col < 5; col++) {
                pixels[image * 25 + col] = (byte) 200;
            }
        }
        ImageSet set = ImageSet.of(pixels, new int[] {0, 1}, 5, 5, 1, List.of("a", "b"));
        return new TrainTest(set, set);
    }

    @Test
    void everyExperienceBringsAllClassesWithTaskZero() {
        Scenario s = Scenarios.newInstances(bars(), 3, Scenarios.Shift.PERMUTED, 5);
        assertEquals(3, s.size());
        assertEquals(2, s.numClasses());
        for (Experience e : s.stream()) {
            assertArrayEquals(new int[] {0, 1}, e.classes());
            assertEquals(0, e.taskLabel());
            assertArrayEquals(new int[] {0, 1}, e.train().labels());
        }
    }

    @Test
    void permutedExperiencesMoveThePixelsButKeepTheirValues() {
        Scenario s = Scenarios.newInstances(bars(), 2, Scenarios.Shift.PERMUTED, 5);
        ImageSet a = s.experience(0).train();
        ImageSet b = s.experience(1).train();
        assertEquals(5 * 200, sum(a, 0));
        assertEquals(5 * 200, sum(b, 0));
        assertNotEquals(a.digest(), b.digest(), "two experiences with different permutations");
        assertEquals(s.experience(1).train().digest(), s.experience(1).test().digest(), "train and test shifted alike");
    }

    @Test
    void sameSeedGivesTheSamePermutations() {
        var a = Scenarios.newInstances(bars(), 2, Scenarios.Shift.PERMUTED, 5).experience(1).train().digest();
        var b = Scenarios.newInstances(bars(), 2, Scenarios.Shift.PERMUTED, 5).experience(1).train().digest();
        assertEquals(a, b);
    }

    @Test
    void rotatedKeepsTheFirstExperienceAndRotatesTheOthers() {
        Scenario s = Scenarios.newInstances(bars(), 3, Scenarios.Shift.ROTATED, 11);
        assertEquals(bars().train().digest(), s.experience(0).train().digest());
        assertNotEquals(bars().train().digest(), s.experience(1).train().digest());
        assertTrue(s.name().startsWith("Rotated new instances (3 experiences of 2 classes, seed 11, angles [0.0°"), s.name());
    }

    private static int sum(ImageSet set, int index) {
        int total = 0;
        for (int row = 0; row < set.height(); row++) {
            for (int col = 0; col < set.width(); col++) {
                total += set.pixel(index, row, col, 0);
            }
        }
        return total;
    }
}
