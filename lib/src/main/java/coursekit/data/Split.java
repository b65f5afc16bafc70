package coursekit.data;

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

    @Override
    public String toString() {
        return "Split[train " + train.size() + ", validation " + validation.size() + ", test " + test.size()
                + " images of " + train.height() + "x" + train.width() + "x" + train.channels()
                + ", classes " + train.classNames() + "]";
    }
}
