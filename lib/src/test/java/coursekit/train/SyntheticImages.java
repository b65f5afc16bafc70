package coursekit.train;

import coursekit.data.ImageSet;
import java.util.List;
import java.util.Random;

/** Small labelled image sets made in memory for training tests. */
final class SyntheticImages {

    private SyntheticImages() {}

    /**
     * Class 0 images are dark noise, class 1 images bright noise: a task any working training
     * loop learns in a few steps.
     */
    static ImageSet darkAndBright(int count, int size, int channels, long seed) {
        Random random = new Random(seed);
        int bytes = size * size * channels;
        byte[] pixels = new byte[count * bytes];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % 2;
            int base = labels[i] == 0 ? 40 : 150;
            for (int p = 0; p < bytes; p++) {
                pixels[i * bytes + p] = (byte) (base + random.nextInt(60));
            }
        }
        return ImageSet.of(pixels, labels, size, size, channels, List.of("dark", "bright"));
    }
}
