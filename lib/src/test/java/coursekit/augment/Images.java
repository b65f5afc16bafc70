package coursekit.augment;

import coursekit.data.ImageSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Synthetic images made in memory, with pixels chosen by a formula, for checking transforms. */
final class Images {

    private Images() {}

    /** The value (0-255) of pixel (row, col, channel) of image {@code index}. */
    interface Pixels {
        int value(int index, int row, int col, int channel);
    }

    /** {@code count} images of {@code h x w x c}, image i labelled i % 3 of classes a, b, c. */
    static ImageSet of(int count, int h, int w, int c, Pixels pixels) {
        byte[] bytes = new byte[count * h * w * c];
        int[] labels = new int[count];
        int i = 0;
        for (int n = 0; n < count; n++) {
            labels[n] = n % 3;
            for (int row = 0; row < h; row++) {
                for (int col = 0; col < w; col++) {
                    for (int ch = 0; ch < c; ch++) {
                        bytes[i++] = (byte) pixels.value(n, row, col, ch);
                    }
                }
            }
        }
        return ImageSet.of(bytes, labels, h, w, c, List.of("a", "b", "c"));
    }

    /** One grey image of {@code h x w}. */
    static ImageSet gray(int h, int w, Pixels pixels) {
        return of(1, h, w, 1, pixels);
    }

    /** One grey image, black but for one pixel of 255 at (row, col). */
    static ImageSet dot(int h, int w, int row, int col) {
        return gray(h, w, (n, r, c, ch) -> r == row && c == col ? 255 : 0);
    }

    /** {@code count} RGB images of uniform noise. */
    static ImageSet noise(int count, int h, int w, long seed) {
        Random random = new Random(seed);
        byte[] bytes = new byte[count * h * w * 3];
        random.nextBytes(bytes);
        int[] labels = new int[count];
        for (int n = 0; n < count; n++) {
            labels[n] = n % 3;
        }
        return ImageSet.of(bytes, labels, h, w, 3, List.of("a", "b", "c"));
    }

    /** Every pixel of image {@code index} and channel {@code channel}, row by row. */
    static int[][] plane(ImageSet images, int index, int channel) {
        int[][] plane = new int[images.height()][images.width()];
        for (int r = 0; r < images.height(); r++) {
            for (int c = 0; c < images.width(); c++) {
                plane[r][c] = images.pixel(index, r, c, channel);
            }
        }
        return plane;
    }

    /** The (row, col) of every pixel of channel 0 at or above {@code threshold}. */
    static List<int[]> brightPixels(ImageSet images, int index, int threshold) {
        List<int[]> bright = new ArrayList<>();
        for (int r = 0; r < images.height(); r++) {
            for (int c = 0; c < images.width(); c++) {
                if (images.pixel(index, r, c, 0) >= threshold) {
                    bright.add(new int[] {r, c});
                }
            }
        }
        return bright;
    }

    /** The intensity-weighted centre (row, col) of channel 0 of image {@code index}. */
    static double[] centroid(ImageSet images, int index) {
        double sum = 0;
        double rows = 0;
        double cols = 0;
        for (int r = 0; r < images.height(); r++) {
            for (int c = 0; c < images.width(); c++) {
                int v = images.pixel(index, r, c, 0);
                sum += v;
                rows += v * r;
                cols += v * c;
            }
        }
        return new double[] {rows / sum, cols / sum};
    }

    /** Whether two sets hold exactly the same pixels. */
    static boolean samePixels(ImageSet a, ImageSet b) {
        byte[] x = new byte[a.size() * a.imageBytes()];
        byte[] y = new byte[b.size() * b.imageBytes()];
        for (int i = 0; i < a.size(); i++) {
            a.copyImage(i, x, i * a.imageBytes());
        }
        for (int i = 0; i < b.size(); i++) {
            b.copyImage(i, y, i * b.imageBytes());
        }
        return java.util.Arrays.equals(x, y);
    }
}
