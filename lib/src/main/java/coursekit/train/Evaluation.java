package coursekit.train;

import java.util.Locale;

/** Loss and accuracy of a network on one set of images. */
public record Evaluation(double loss, double accuracy, int images) {

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "loss %.4f, accuracy %.4f on %d images", loss, accuracy, images);
    }
}
