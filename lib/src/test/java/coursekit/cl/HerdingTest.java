package coursekit.cl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HerdingTest {

    /** 200 points of one class around a direction, with a few far outliers that pull random samples off. */
    private static double[][] toyClass(long seed) {
        Random random = new Random(seed);
        double[][] features = new double[200][];
        for (int i = 0; i < features.length; i++) {
            double spread = i % 10 == 0 ? 3.0 : 0.5;
            features[i] = new double[] {1 + spread * random.nextGaussian(), 0.5 + spread * random.nextGaussian(),
                    spread * random.nextGaussian(), spread * random.nextGaussian()};
        }
        return features;
    }

    @Test
    void theSelectedMeanApproachesTheClassMeanAsMoreAreSelected() {
        double[][] features = toyClass(1);
        int[] all = Herding.select(features, 40);
        double gap1 = Herding.meanGap(features, Arrays.copyOf(all, 1));
        double gap5 = Herding.meanGap(features, Arrays.copyOf(all, 5));
        double gap40 = Herding.meanGap(features, all);
        assertTrue(gap5 < gap1 && gap40 < gap5, "gaps " + gap1 + ", " + gap5 + ", " + gap40);
        assertTrue(gap40 < 0.02, "gap after 40 exemplars " + gap40);
    }

    @Test
    void isAtLeastAsCloseToTheMeanAsRandomSelection() {
        double[][] features = toyClass(2);
        Random random = new Random(7);
        for (int m : new int[] {5, 10, 20}) {
            double herding = Herding.meanGap(features, Herding.select(features, m));
            double randomGaps = 0;
            for (int trial = 0; trial < 50; trial++) {
                randomGaps += Herding.meanGap(features, Herding.random(features.length, m, random)) / 50;
            }
            assertTrue(herding <= randomGaps, "m=" + m + ": herding " + herding + " against random " + randomGaps);
        }
    }

    @Test
    void picksEachRowAtMostOnce() {
        int[] chosen = Herding.select(toyClass(3), 200);
        assertEquals(200, Arrays.stream(chosen).distinct().count());
    }

    @Test
    void firstPickIsTheRowNearestTheNormalisedMean() {
        // Normalised: (1,0), (0,1), (0.6,0.8); mean (0.533, 0.6): nearest is (0.6, 0.8), row 2.
        double[][] features = {{2, 0}, {0, 3}, {0.3, 0.4}};
        assertEquals(2, Herding.select(features, 1)[0]);
    }
}
