package coursekit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

final class TrainTestTest {

    @Test
    void validationSplitComesOutOfTrainAndKeepsTheOfficialTestSet() {
        int[] labels = new int[100];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i < 80 ? 0 : 1;
        }
        ImageSet train = ImageSet.of(new byte[100], labels, 1, 1, 1, List.of("a", "b"));
        ImageSet test = ImageSet.of(new byte[3], new int[] {0, 1, 1}, 1, 1, 1, List.of("a", "b"));
        Split split = new TrainTest(train, test).validationSplit(0.1, 5);
        assertArrayEquals(new int[] {72, 18}, split.train().classCounts());
        assertArrayEquals(new int[] {8, 2}, split.validation().classCounts());
        assertSame(test, split.test());
    }
}
