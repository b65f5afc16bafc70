package coursekit.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Train, validation and test sets of the same images' kind, as the lecture uses them: fit on
 * {@code train}, choose settings on {@code validation}, report once on {@code test}.
 */
public record Split(ImageSet train, ImageSet validation, ImageSet test) {

    /** The image shape, channel first: {@code {channels, height, width}}. */
    public long[] imageShape() {
        return train.imageShape();
    }

    public int numClasses() {
        return train.numClasses();
    }

    /** The same split with every image resized, e.g. to fit a network's input. */
    public Split resize(int height, int width) {
        return new Split(train.resize(height, width), validation.resize(height, width), test.resize(height, width));
    }

    /** The stratified split behind {@link ImageSet#split}; {@code labels} are the set's own, not a copy. */
    static Split stratified(ImageSet set, int[] labels, double train, double validation, double test, long seed) {
        double sum = train + validation + test;
        if (train <= 0 || validation < 0 || test < 0 || sum > 1.0 + 1e-9) {
            throw new IllegalArgumentException("Split fractions must be non-negative, train positive, and sum to at most 1, "
                    + "but got train=" + train + ", validation=" + validation + ", test=" + test + ".");
        }
        Random random = new Random(seed);
        List<Integer> trainIdx = new ArrayList<>();
        List<Integer> valIdx = new ArrayList<>();
        List<Integer> testIdx = new ArrayList<>();
        for (int c = 0; c < set.numClasses(); c++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < set.size(); i++) {
                if (labels[i] == c) {
                    members.add(i);
                }
            }
            Collections.shuffle(members, random);
            int n = members.size();
            // Rounding each part on its own can overshoot a small class (3 images at 0.5/0.5 rounds to 2 + 2),
            // so each part takes at most what the earlier parts left.
            int nTrain = Math.min(n, (int) Math.round(n * train));
            int nVal = Math.min(n - nTrain, (int) Math.round(n * validation));
            int nTest = Math.min(n - nTrain - nVal, (int) Math.round(n * test));
            trainIdx.addAll(members.subList(0, nTrain));
            valIdx.addAll(members.subList(nTrain, nTrain + nVal));
            testIdx.addAll(members.subList(nTrain + nVal, nTrain + nVal + nTest));
        }
        return new Split(set.subset(sortedArray(trainIdx)), set.subset(sortedArray(valIdx)), set.subset(sortedArray(testIdx)));
    }

    private static int[] sortedArray(List<Integer> indices) {
        int[] array = indices.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(array);
        return array;
    }

    @Override
    public String toString() {
        return "Split[train " + train.size() + ", validation " + validation.size() + ", test " + test.size()
                + " images of " + train.height() + "x" + train.width() + "x" + train.channels()
                + ", classes " + train.classNames() + "]";
    }
}
