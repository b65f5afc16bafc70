package coursekit.plot;

import coursekit.data.ImageSet;
import coursekit.train.History;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small histories and image sets built in memory for the plot tests. */
final class Fixtures {

    static final double[] LOSS = {0.69, 0.55, 0.47, 0.41};
    static final double[] ACCURACY = {0.52, 0.71, 0.78, 0.83};
    static final double[] VAL_LOSS = {0.66, 0.58, 0.54, 0.57};
    static final double[] VAL_ACCURACY = {0.55, 0.68, 0.72, 0.71};

    private Fixtures() {}

    /** Four epochs with all four Keras keys. */
    static History fullHistory() {
        History h = new History();
        for (int i = 0; i < LOSS.length; i++) {
            Map<String, Double> epoch = new LinkedHashMap<>();
            epoch.put(History.LOSS, LOSS[i]);
            epoch.put(History.ACCURACY, ACCURACY[i]);
            epoch.put(History.VAL_LOSS, VAL_LOSS[i]);
            epoch.put(History.VAL_ACCURACY, VAL_ACCURACY[i]);
            h.add(epoch);
        }
        return h;
    }

    /** Four epochs of training loss only. */
    static History lossOnlyHistory() {
        History h = new History();
        for (double loss : LOSS) {
            h.add(Map.of(History.LOSS, loss));
        }
        return h;
    }

    /** Four epochs of training loss and accuracy, no validation. */
    static History trainingOnlyHistory() {
        History h = new History();
        for (int i = 0; i < LOSS.length; i++) {
            Map<String, Double> epoch = new LinkedHashMap<>();
            epoch.put(History.LOSS, LOSS[i]);
            epoch.put(History.ACCURACY, ACCURACY[i]);
            h.add(epoch);
        }
        return h;
    }

    /** {@code count} solid-colour RGB images of {@code size x size}; image i has colour {@link #rgb(int)} and label i % 3. */
    static ImageSet solidRgb(int count, int size) {
        byte[] pixels = new byte[count * size * size * 3];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            int rgb = rgb(i);
            for (int p = 0; p < size * size; p++) {
                int offset = (i * size * size + p) * 3;
                pixels[offset] = (byte) (rgb >> 16);
                pixels[offset + 1] = (byte) (rgb >> 8);
                pixels[offset + 2] = (byte) rgb;
            }
            labels[i] = i % 3;
        }
        return ImageSet.of(pixels, labels, size, size, 3, List.of("cat", "dog", "horse"));
    }

    /** {@code count} solid grey images of {@code size x size}; image i has grey level 20 + 7 i and label i % 2. */
    static ImageSet solidGray(int count, int size) {
        byte[] pixels = new byte[count * size * size];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            java.util.Arrays.fill(pixels, i * size * size, (i + 1) * size * size, (byte) (20 + 7 * i));
            labels[i] = i % 2;
        }
        return ImageSet.of(pixels, labels, size, size, 1, List.of("zero", "one"));
    }

    /** A distinct, fully saturated-free colour per image, so neighbouring cells differ. */
    static int rgb(int index) {
        return ((37 * index + 200) % 256) << 16 | ((91 * index + 30) % 256) << 8 | ((53 * index + 120) % 256);
    }
}
