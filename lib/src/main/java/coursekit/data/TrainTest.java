package coursekit.data;

/**
 * A dataset's official training and test sets, as MNIST and CIFAR publish them; the test set is for
 * reporting once, so a validation set comes out of {@code train} (see {@link #validationSplit}).
 */
public record TrainTest(ImageSet train, ImageSet test) {

    /** The image shape, channel first: {@code {channels, height, width}}. */
    public long[] imageShape() {
        return train.imageShape();
    }

    public int numClasses() {
        return train.numClasses();
    }

    /**
     * Takes a validation set out of {@code train}, class by class and reproducibly from the seed, and keeps
     * the official test set as it is.
     *
     * @param validation fraction of the training images to hold out, e.g. 0.1
     */
    public Split validationSplit(double validation, long seed) {
        if (validation <= 0 || validation >= 1) {
            throw new IllegalArgumentException("The validation fraction must be between 0 and 1, but got validation="
                    + validation + ".");
        }
        Split parts = train.split(1 - validation, validation, 0, seed);
        return new Split(parts.train(), parts.validation(), test);
    }

    /** Both sets with every image resized, e.g. to fit a network's input. */
    public TrainTest resize(int height, int width) {
        return new TrainTest(train.resize(height, width), test.resize(height, width));
    }

    @Override
    public String toString() {
        return "TrainTest[train " + train.size() + ", test " + test.size() + " images of " + train.height() + "x"
                + train.width() + "x" + train.channels() + ", classes " + train.classNames() + "]";
    }
}
