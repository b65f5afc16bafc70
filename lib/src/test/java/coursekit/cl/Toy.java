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
        int side = 4;
        int n = classes * perClass;
        byte[] pixels = new byte[n * side * side];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % classes;
            for (int p = 0; p < side * side; p++) {
                pixels[i * side * side + p] = (byte) labels[i];
            }
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add("c" + c);
        }
        return ImageSet.of(pixels, labels, side, side, 1, names);
    }
}
