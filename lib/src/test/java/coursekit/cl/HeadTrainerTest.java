package coursekit.cl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coursekit.model.Models;
import coursekit.train.FeatureSet;
import coursekit.train.FitConfig;
import coursekit.train.Optimizers;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A linear head trained on two-number features, session after session. In session 0 the class is the sign of the
 * first number (the second is 0); in session 1, four times as long, the first number says the opposite and the
 * second one, twice as large, tells the truth. One rule fits both sessions (the sum of the two numbers), which replay
 * finds; session 1 alone pushes the head to read the first number backwards, which naive fine-tuning then applies to
 * session 0.
 */
class HeadTrainerTest {

    private static FeatureSet session(int k, int n, long seed) {
        Random random = new Random(seed);
        float[] values = new float[2 * n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            double sign = labels[i] == 0 ? 1 : -1;
            values[2 * i] = (float) ((k == 0 ? sign : -sign) + 0.1 * random.nextGaussian());
            values[2 * i + 1] = (float) ((k == 0 ? 0 : 2 * sign) + 0.1 * random.nextGaussian());
        }
        return FeatureSet.of(values, new long[] {2}, labels, List.of("cats", "dogs"));
    }

    private static FeatureStream stream(int sessions) {
        List<FeatureSet> train = new ArrayList<>();
        List<FeatureSet> test = new ArrayList<>();
        for (int k = 0; k < sessions; k++) {
            train.add(session(k % 2, k % 2 == 0 ? 80 : 320, k));
            test.add(session(k % 2, 40, 100 + k));
        }
        return new FeatureStream("XOR sessions", train, test);
    }

    private static HeadTrainer trainer() {
        return HeadTrainer.of(() -> Models.classifier(new long[] {2}).outputs(1).build(),
                FitConfig.epochs(40).batchSize(16).optimizer(Optimizers.rmsprop(0.01)).seed(3)).quiet();
    }

    @Test
    void theAccuracyMatrixHasARowAndAColumnPerSession() {
        AccuracyMatrix r = trainer().naive(stream(3));
        assertEquals(3, r.experiences());
        assertEquals(3, r.values()[2].length);
        assertEquals("Naive", r.strategy());
        for (int i = 0; i < 3; i++) {
            assertEquals(2, r.classesSeen()[i]);
            for (int j = 0; j < 3; j++) {
                assertTrue(r.get(i, j) >= 0 && r.get(i, j) <= 1, "R[" + i + "][" + j + "] = " + r.get(i, j));
            }
        }
    }

    @Test
    void naiveForgetsTheFirstSessionAndReplayKeepsIt() {
        AccuracyMatrix naive = trainer().naive(stream(2));
        AccuracyMatrix replay = trainer().replay(stream(2), 40);
        assertEquals("Replay (40)", replay.strategy());
        assertTrue(naive.get(0, 0) > 0.9, "learned: " + naive.get(0, 0));
        assertTrue(naive.get(1, 0) < 0.5, "naive after session 1: " + naive.get(1, 0));
        assertTrue(replay.get(1, 0) > 0.9, "replay after session 1: " + replay.get(1, 0));
        assertTrue(replay.get(1, 1) > 0.9, "replay on session 1: " + replay.get(1, 1));
    }

    @Test
    void theSameSeedGivesTheSameMatrix() {
        assertEquals(trainer().replay(stream(3), 20), trainer().replay(stream(3), 20));
    }
}
