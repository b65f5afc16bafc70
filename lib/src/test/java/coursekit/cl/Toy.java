package coursekit.cl;

import coursekit.data.ImageSet;
import coursekit.data.TrainTest;
import java.util.ArrayList;
import java.util.List;

/** Small labelled data for the scenario tests: every pixel of an image holds its original label, so remapping shows. */
final class Toy {

    private Toy() {}

    /** {@code classes} classes named c0, c1, ..., {@code perClass} training and {@code perClass / 2 + 1} test images each, 4x4 grey. */
    static TrainTest data(int classes, int perClass) {
        return new TrainTest(set(classes, perClass), set(classes, perClass / 2 + 1));
    }

    static ImageSet set(int classes, int perClass) {
        return images(classes, perClass, 4, "c", (label, p) -> label);
    }

    /** Which value pixel {@code p} of an image of class {@code label} gets. */
    interface Pixel {
        int value(int label, int p);
    }

    /** {@code perClass} square grey images of each class (labels cycle 0, 1, ...), named prefix0, prefix1, ... */
    static ImageSet images(int classes, int perClass, int side, String prefix, Pixel pixel) {
        int n = classes * perClass;
        byte[] pixels = new byte[n * side * side];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % classes;
            for (int p = 0; p < side * side; p++) {
                pixels[i * side * side + p] = (byte) pixel.value(labels[i], p);
            }
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add(prefix + c);
        }
        return ImageSet.of(pixels, labels, side, side, 1, names);
    }
}
