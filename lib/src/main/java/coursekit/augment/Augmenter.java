package coursekit.augment;

import coursekit.data.ImageSet;
import coursekit.engine.Seeds;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Random image augmentation with the parameters of Keras's {@code ImageDataGenerator}, plus random
 * crop-and-resize, contrast, brightness (optionally per channel), Gaussian noise and down-sampling:
 * <pre>{@code
 * Augmenter augmenter = Augmenter.builder()
 *         .rotationRange(40).widthShiftRange(0.2).heightShiftRange(0.2)
 *         .shearRange(0.2).zoomRange(0.2).horizontalFlip(true)
 *         .fillMode(FillMode.NEAREST).seed(42).build();
 * fit(model, data, FitConfig.epochs(100).augment(augmenter));
 * }</pre>
 *
 * <p>For every image the geometric transforms (crop, rotation, shift, shear, zoom, flips) are drawn
 * as in Keras's {@code get_random_transform}, composed into one matrix (see {@link AffineTransform})
 * and applied in a single bilinear pass, so the image is resampled once however many are set. Then
 * come, in this order, down-sampling, contrast, brightness and noise; {@code rescale} multiplies the
 * result last, as in Keras.
 *
 * <p>The draws for an image depend only on the seed, the epoch and the image's index, never on
 * the batch it is in or on which thread handles it: the same seed gives the same augmented images,
 * and batches are augmented in parallel without changing a single value.
 */
public final class Augmenter {

    private final AugmenterSettings settings;
    private final long seed;
    private final BatchAugmentation batch;

    private Augmenter(AugmenterSettings settings, long seed) {
        this.settings = settings;
        this.seed = seed;
        this.batch = new BatchAugmentation(settings, seed);
    }

    /** A builder with every transform off: Keras's {@code ImageDataGenerator()} with no arguments. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The lecture's generator: rotations up to 40 degrees, shifts up to 20% of the width and height,
     * shear 0.2, zoom 0.8-1.2, horizontal flips, new pixels filled from the nearest edge.
     */
    public static Augmenter lecture(long seed) {
        return builder().rotationRange(40).widthShiftRange(0.2).heightShiftRange(0.2).shearRange(0.2).zoomRange(0.2)
                .horizontalFlip(true).fillMode(FillMode.NEAREST).seed(seed).build();
    }

    /** The seed of every draw; fixed at {@link Builder#build()}, from the kit's seed sequence if none was set. */
    public long seed() {
        return seed;
    }

    /** Keras's {@code rescale}: the factor {@link #channelsFirst(ImageSet, int[], long)} multiplies by, 0 for none. */
    public double rescale() {
        return settings.rescale;
    }

    /** Every image of {@code images} augmented as for epoch 0. */
    public ImageSet augment(ImageSet images) {
        return augment(images, 0);
    }

    /**
     * Every image of {@code images} augmented as for {@code epoch}, rounded back to bytes; image
     * {@code i} gets the draws of index {@code i}. Labels and class names are kept; {@code rescale}
     * does not apply, since the result is an image set again.
     */
    public ImageSet augment(ImageSet images, long epoch) {
        Objects.requireNonNull(images, "images");
        int bytes = images.imageBytes();
        byte[] out = new byte[images.size() * bytes];
        BatchAugmentation.forEachImage(images.size(), (long) images.size() * images.height() * images.width(),
                n -> batch.toBytes(images, n, n, epoch, out, n * bytes));
        return ImageSet.of(out, images.labels(), images.height(), images.width(), images.channels(), images.classNames());
    }

    /**
     * Image {@code index} of {@code images} as this augmenter turns it out in epochs 0 to {@code n}-1,
     * which is what {@code fit} feeds the network for that image in its first {@code n} epochs;
     * every version keeps the image's label.
     */
    public ImageSet versions(ImageSet images, int index, int n) {
        Objects.requireNonNull(images, "images");
        if (index < 0 || index >= images.size()) {
            throw new IndexOutOfBoundsException("Image index " + index + " is outside 0.." + (images.size() - 1) + ".");
        }
        if (n < 1) {
            throw new IllegalArgumentException("Ask for at least one version, but got n=" + n + ".");
        }
        int bytes = images.imageBytes();
        byte[] out = new byte[n * bytes];
        BatchAugmentation.forEachImage(n, (long) n * images.height() * images.width(),
                k -> batch.toBytes(images, index, index, k, out, k * bytes));
        int[] labels = new int[n];
        Arrays.fill(labels, images.label(index));
        return ImageSet.of(out, labels, images.height(), images.width(), images.channels(), images.classNames());
    }

    /**
     * The images at {@code indices}, augmented for {@code epoch}, as a channel-first float batch
     * (N, C, H, W) multiplied by {@code rescale} (0-255 values if none was set), as Keras's
     * generator yields them. Each image draws by its index in {@code images}, so the result does not
     * depend on how the indices are batched.
     */
    public float[] channelsFirst(ImageSet images, int[] indices, long epoch) {
        return channelsFirst(images, indices, epoch, settings.rescale == 0 ? 1f : (float) settings.rescale);
    }

    /**
     * Like {@link #channelsFirst(ImageSet, int[], long)} but multiplied by {@code scale} instead of
     * {@code rescale}; {@code fit} passes 1/255, as it scales every batch, validation batches included.
     */
    public float[] channelsFirst(ImageSet images, int[] indices, long epoch, float scale) {
        Objects.requireNonNull(images, "images");
        int c = images.channels();
        int plane = images.height() * images.width();
        for (int index : indices) {
            if (index < 0 || index >= images.size()) {
                throw new IndexOutOfBoundsException("Image index " + index + " is outside 0.." + (images.size() - 1) + ".");
            }
        }
        float[] out = new float[indices.length * c * plane];
        BatchAugmentation.forEachImage(indices.length, (long) indices.length * plane,
                n -> batch.toChannelsFirst(images, indices[n], epoch, out, n * c * plane, scale));
        return out;
    }

    /**
     * The rotation, shift, shear, zoom and flips this augmenter draws for image {@code index} of
     * size {@code height x width} in {@code epoch}: Keras's {@code get_random_transform}. A random
     * crop, when set, is drawn separately and applied before this transform.
     */
    public AffineTransform randomTransform(int height, int width, long epoch, int index) {
        return batch.randomTransform(height, width, epoch, index);
    }

    @Override
    public String toString() {
        List<String> parts = settings.describe();
        parts.add("seed=" + seed);
        return "Augmenter[" + String.join(", ", parts) + "]";
    }

    /**
     * Settings of an {@link Augmenter}, named as Keras's {@code ImageDataGenerator} arguments without
     * the underscores; any order, each off until set. {@link #build()} checks them all.
     */
    public static final class Builder {

        private final AugmenterSettings settings = new AugmenterSettings();
        private Long seed;

        private Builder() {}

        /** Rotates by an angle uniform in [-degrees, degrees]; 0 to 180. */
        public Builder rotationRange(double degrees) {
            settings.rotationRange = degrees;
            return this;
        }

        /**
         * Shifts left or right by up to {@code range}: a fraction of the width if below 1, pixels
         * otherwise (Keras's rule). Keras 2.9 and later apply this range vertically by mistake
         * (keras-team/keras#17398); here it always moves the image sideways, as its name says.
         */
        public Builder widthShiftRange(double range) {
            settings.widthShiftRange = range;
            return this;
        }

        /** Shifts up or down by up to {@code range}: a fraction of the height if below 1, pixels otherwise. */
        public Builder heightShiftRange(double range) {
            settings.heightShiftRange = range;
            return this;
        }

        /**
         * Shears by an angle uniform in [-degrees, degrees]. Keras reads {@code shear_range} in degrees,
         * so the common {@code shear_range=0.2} is a fifth of a degree; 10 to 20 shows clearly.
         */
        public Builder shearRange(double degrees) {
            settings.shearRange = degrees;
            return this;
        }

        /**
         * Zooms by factors uniform in [1 - range, 1 + range], drawn separately for width and height
         * as Keras does; a factor below 1 enlarges the content. {@code range} is in [0, 1).
         */
        public Builder zoomRange(double range) {
            settings.zoomLow = 1 - range;
            settings.zoomHigh = 1 + range;
            return this;
        }

        /** Zooms by factors uniform in [lower, upper], drawn separately for width and height. */
        public Builder zoomRange(double lower, double upper) {
            settings.zoomLow = lower;
            settings.zoomHigh = upper;
            return this;
        }

        /** Mirrors half of the images left-right. */
        public Builder horizontalFlip(boolean flip) {
            settings.horizontalFlip = flip;
            return this;
        }

        /** Mirrors half of the images top-bottom. */
        public Builder verticalFlip(boolean flip) {
            settings.verticalFlip = flip;
            return this;
        }

        /** How points outside the image are filled (default {@link FillMode#NEAREST}, as in Keras). */
        public Builder fillMode(FillMode mode) {
            settings.fillMode = mode;
            return this;
        }

        /** The value (0-255) of points outside the image when {@link #fillMode} is {@link FillMode#CONSTANT}; default 0. */
        public Builder cval(double value) {
            settings.cval = value;
            return this;
        }

        /** 1 (default) for bilinear sampling, 0 for the nearest pixel. */
        public Builder interpolationOrder(int order) {
            settings.interpolationOrder = order;
            return this;
        }

        /**
         * Multiplies the float batch after all other transforms, e.g. 1/255. {@code fit} scales every
         * batch to [0, 1] itself, so there it must be left unset or be 1/255.
         */
        public Builder rescale(double factor) {
            settings.rescale = factor;
            return this;
        }

        /**
         * Crops a random box covering a fraction in [lower, upper] of the image's area, with an
         * aspect ratio in {@link #cropRatioRange} (default 3/4 to 4/3), and resizes it to the full
         * size, as torchvision's {@code RandomResizedCrop}. Fractions in (0, 1].
         */
        public Builder cropScaleRange(double lower, double upper) {
            settings.cropScaleLow = lower;
            settings.cropScaleHigh = upper;
            return this;
        }

        /** The aspect ratios (width / height) a random crop may have, drawn uniformly on a log scale. */
        public Builder cropRatioRange(double lower, double upper) {
            settings.cropRatioLow = lower;
            settings.cropRatioHigh = upper;
            return this;
        }

        /** Scales each channel's spread about its mean by a factor uniform in [1 - range, 1 + range], range in [0, 1]. */
        public Builder contrastRange(double range) {
            settings.contrastRange = range;
            return this;
        }

        /** Multiplies the pixels by a factor uniform in [lower, upper] (Keras's {@code brightness_range}), clipping at 255. */
        public Builder brightnessRange(double lower, double upper) {
            settings.brightness = true;
            settings.brightnessLow = lower;
            settings.brightnessHigh = upper;
            return this;
        }

        /** Draws a separate brightness factor for each channel, which tints the image, instead of one for all. */
        public Builder brightnessPerChannel(boolean perChannel) {
            settings.brightnessPerChannel = perChannel;
            return this;
        }

        /** Adds Gaussian noise with standard deviation {@code stddev}, in pixel levels (0-255). */
        public Builder gaussianNoise(double stddev) {
            settings.gaussianNoise = stddev;
            return this;
        }

        /**
         * Shrinks each image by a factor uniform in [lower, upper] (box average) and enlarges it back
         * (bilinear), as a low-resolution camera would; factors in (0, 1].
         */
        public Builder downsampleRange(double lower, double upper) {
            settings.downsampleLow = lower;
            settings.downsampleHigh = upper;
            return this;
        }

        /** Fixes every draw; without it {@link #build()} takes the next seed of the kit's sequence ({@code seed(42)} in a notebook). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * The augmenter, after checking every setting.
         *
         * @throws IllegalArgumentException naming the first bad setting and its value
         */
        public Augmenter build() {
            settings.check();
            return new Augmenter(settings.copy(), seed != null ? seed : Seeds.next());
        }
    }
}
