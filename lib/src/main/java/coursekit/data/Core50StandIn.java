package coursekit.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds {@link Datasets#core50StandIn()}: a dataset of CORe50's shape (50 objects in 10 categories of 5) made from the
 * embedded Fashion-MNIST. Each of its 10 classes is a category, and each category has 5 "objects": the same kind of
 * article in one of 5 fixed colours. Class {@code 5c + v} is Fashion-MNIST class {@code c} in colour {@code v}, as
 * CORe50's object {@code o(5c + v + 1)} belongs to category {@code c}.
 *
 * <p>The images of one Fashion-MNIST class are dealt to its 5 colours in turn (its 1st, 6th, 11th ... image to the
 * first colour), so no image appears in two classes and each class gets a fifth of them: 240 training and 40 test
 * images per class from the embedded 1,200 and 200. Nothing is random: the set is the same on every machine.
 */
final class Core50StandIn {

    /** The colours of the 5 objects of each category, in label order. */
    static final List<String> COLOURS = List.of("red", "yellow", "green", "blue", "white");

    /** Each colour as the RGB that a white (255) pixel of the grey image becomes; darker pixels scale with it. */
    private static final int[][] RGB = {{255, 48, 48}, {255, 224, 0}, {48, 208, 48}, {64, 112, 255}, {255, 255, 255}};

    private Core50StandIn() {}

    /** The 50-class stand-in of {@code grey}, a 10-class set of one-channel images such as Fashion-MNIST. */
    static TrainTest of(TrainTest grey) {
        List<String> names = new ArrayList<>();
        for (String category : grey.train().classNames()) {
            for (String colour : COLOURS) {
                names.add(category + " (" + colour + ")");
            }
        }
        return new TrainTest(coloured(grey.train(), names), coloured(grey.test(), names));
    }

    private static ImageSet coloured(ImageSet grey, List<String> names) {
        if (grey.channels() != 1 || grey.numClasses() * COLOURS.size() != names.size()) {
            throw new IllegalArgumentException("The CORe50 stand-in colours one-channel images of 10 classes, but got " + grey + ".");
        }
        int pixels = grey.height() * grey.width();
        byte[] image = new byte[pixels];
        byte[] out = new byte[grey.size() * pixels * 3];
        int[] labels = new int[grey.size()];
        int[] dealt = new int[grey.numClasses()];
        for (int i = 0; i < grey.size(); i++) {
            int category = grey.label(i);
            int colour = dealt[category]++ % COLOURS.size();
            labels[i] = category * COLOURS.size() + colour;
            grey.copyImage(i, image, 0);
            int at = i * pixels * 3;
            for (int p = 0; p < pixels; p++) {
                int value = image[p] & 0xff;
                for (int channel = 0; channel < 3; channel++) {
                    out[at + 3 * p + channel] = (byte) ((value * RGB[colour][channel] + 127) / 255);
                }
            }
        }
        return ImageSet.wrap(out, labels, grey.height(), grey.width(), 3, names);
    }
}
