package coursekit.augment;

import coursekit.data.ImageSet;
import coursekit.engine.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

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

    /** The default aspect-ratio range of a random crop, torchvision's {@code RandomResizedCrop} default. */
    private static final double[] DEFAULT_CROP_RATIO = {3.0 / 4, 4.0 / 3};

    /** Below this many pixels in a batch a parallel stream costs more than it saves. */
    private static final long PARALLEL_PIXELS = 1 << 14;

    private static final long CROP_STREAM = 0x43524f50L;
    private static final long NOISE_STREAM = 0x4e4f4953L;

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private final double rotationRange;
    private final double widthShiftRange;
    private final double heightShiftRange;
    private final double shearRange;
    private final double zoomLow;
    private final double zoomHigh;
    private final boolean horizontalFlip;
    private final boolean verticalFlip;
    private final FillMode fillMode;
    private final double cval;
    private final int interpolationOrder;
    private final double rescale;
    private final double cropScaleLow;
    private final double cropScaleHigh;
    private final double cropRatioLow;
    private final double cropRatioHigh;
    private final double contrastRange;
    private final boolean brightness;
    private final double brightnessLow;
    private final double brightnessHigh;
    private final boolean brightnessPerChannel;
    private final double gaussianNoise;
    private final double downsampleLow;
    private final double downsampleHigh;
    private final long seed;

    private Augmenter(Builder b, long seed) {
        this.rotationRange = b.rotationRange;
        this.widthShiftRange = b.widthShiftRange;
        this.heightShiftRange = b.heightShiftRange;
        this.shearRange = b.shearRange;
        this.zoomLow = b.zoomLow;
        this.zoomHigh = b.zoomHigh;
        this.horizontalFlip = b.horizontalFlip;
        this.verticalFlip = b.verticalFlip;
        this.fillMode = b.fillMode;
        this.cval = b.cval;
        this.interpolationOrder = b.interpolationOrder;
        this.rescale = b.rescale;
        this.cropScaleLow = b.cropScaleLow;
        this.cropScaleHigh = b.cropScaleHigh;
        this.cropRatioLow = b.cropRatioLow;
        this.cropRatioHigh = b.cropRatioHigh;
        this.contrastRange = b.contrastRange;
        this.brightness = b.brightness;
        this.brightnessLow = b.brightnessLow;
        this.brightnessHigh = b.brightnessHigh;
        this.brightnessPerChannel = b.brightnessPerChannel;
        this.gaussianNoise = b.gaussianNoise;
        this.downsampleLow = b.downsampleLow;
        this.downsampleHigh = b.downsampleHigh;
        this.seed = seed;
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
        return rescale;
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
        forEachImage(images.size(), (long) images.size() * images.height() * images.width(), n -> {
            Scratch scratch = SCRATCH.get();
            float[] target = scratch.output(bytes);
            augmentInto(images, n, n, epoch, scratch, target, 0, images.channels(), 1, 1f);
            Warp.toBytes(target, bytes, out, n * bytes);
        });
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
        forEachImage(n, (long) n * images.height() * images.width(), k -> {
            Scratch scratch = SCRATCH.get();
            float[] target = scratch.output(bytes);
            augmentInto(images, index, index, k, scratch, target, 0, images.channels(), 1, 1f);
            Warp.toBytes(target, bytes, out, k * bytes);
        });
        int[] labels = new int[n];
        java.util.Arrays.fill(labels, images.label(index));
        return ImageSet.of(out, labels, images.height(), images.width(), images.channels(), images.classNames());
    }

    /**
     * The images at {@code indices}, augmented for {@code epoch}, as a channel-first float batch
     * (N, C, H, W) multiplied by {@code rescale} (0-255 values if none was set), as Keras's
     * generator yields them. Each image draws by its index in {@code images}, so the result does not
     * depend on how the indices are batched.
     */
    public float[] channelsFirst(ImageSet images, int[] indices, long epoch) {
        return channelsFirst(images, indices, epoch, rescale == 0 ? 1f : (float) rescale);
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
        forEachImage(indices.length, (long) indices.length * plane,
                n -> augmentInto(images, indices[n], indices[n], epoch, SCRATCH.get(), out, n * c * plane, 1, plane, scale));
        return out;
    }

    /**
     * The rotation, shift, shear, zoom and flips this augmenter draws for image {@code index} of
     * size {@code height x width} in {@code epoch}: Keras's {@code get_random_transform}. A random
     * crop, when set, is drawn separately and applied before this transform.
     */
    public AffineTransform randomTransform(int height, int width, long epoch, int index) {
        return drawTransform(new SplittableRandom(imageSeed(seed, epoch, index)), height, width);
    }

    private void forEachImage(int count, long pixels, java.util.function.IntConsumer action) {
        IntStream range = IntStream.range(0, count);
        // Each image draws from its own seed and writes its own slice, so threads cannot change the result.
        if (count > 1 && pixels >= PARALLEL_PIXELS) {
            range = range.parallel();
        }
        range.forEach(action);
    }

    /** Augments image {@code index} with the draws of {@code key} and writes it at {@code offset} of {@code target}. */
    private void augmentInto(ImageSet images, int index, int key, long epoch, Scratch scratch,
            float[] target, int offset, int pixelStride, int channelStride, float scale) {
        int h = images.height();
        int w = images.width();
        int c = images.channels();
        byte[] source = scratch.source(images.imageBytes());
        images.copyImage(index, source, 0);
        long imageSeed = imageSeed(seed, epoch, key);
        SplittableRandom random = new SplittableRandom(imageSeed);
        AffineTransform transform = drawTransform(random, h, w);
        // The pixel-level draws always follow the eight geometric ones, so that turning one transform
        // on or off never changes what the others draw.
        double uContrast = random.nextDouble();
        double[] uBrightness = {random.nextDouble(), random.nextDouble(), random.nextDouble()};
        double uDownsample = random.nextDouble();

        double[] matrix = transform.isIdentity() ? null : transform.matrix(h, w);
        if (cropScaleHigh > 0) {
            double[] crop = drawCrop(new SplittableRandom(mix(imageSeed ^ CROP_STREAM)), h, w);
            matrix = matrix == null ? crop : AffineTransform.multiply(crop, matrix);
        }
        boolean downsample = downsampleLow < 1;
        boolean contrast = contrastRange > 0;
        boolean noise = gaussianNoise > 0;
        if (!downsample && !contrast && !brightness && !noise) {
            geometric(source, h, w, c, matrix, target, offset, pixelStride, channelStride, scale);
            return;
        }
        float[] work = scratch.work(h * w * c);
        geometric(source, h, w, c, matrix, work, 0, c, 1, 1f);
        if (downsample) {
            Warp.downsample(work, h, w, c, downsampleLow + (downsampleHigh - downsampleLow) * uDownsample, scratch.spare(h * w * c));
        }
        if (contrast) {
            Warp.contrast(work, h * w, c, (float) (1 - contrastRange + 2 * contrastRange * uContrast));
        }
        if (brightness) {
            float[] factors = new float[c];
            for (int ch = 0; ch < c; ch++) {
                double u = brightnessPerChannel ? uBrightness[ch] : uBrightness[0];
                factors[ch] = (float) (brightnessLow + (brightnessHigh - brightnessLow) * u);
            }
            Warp.brightness(work, h * w, c, factors);
        }
        if (noise) {
            Warp.noise(work, h * w * c, gaussianNoise, new SplittableRandom(mix(imageSeed ^ NOISE_STREAM)));
        }
        Warp.store(work, h, w, c, target, offset, pixelStride, channelStride, scale);
    }

    private void geometric(byte[] source, int h, int w, int c, double[] matrix, float[] target, int offset,
            int pixelStride, int channelStride, float scale) {
        if (matrix == null) {
            Warp.convert(source, h, w, c, target, offset, pixelStride, channelStride, scale);
        } else {
            Warp.affine(source, h, w, c, matrix, fillMode, (float) cval, interpolationOrder, target, offset, pixelStride, channelStride, scale);
        }
    }

    /** Keras's draws, in Keras's order; always eight numbers, so the draws after them do not depend on the settings. */
    private AffineTransform drawTransform(SplittableRandom random, int h, int w) {
        double uTheta = random.nextDouble();
        double uHeight = random.nextDouble();
        double uWidth = random.nextDouble();
        double uShear = random.nextDouble();
        double uZx = random.nextDouble();
        double uZy = random.nextDouble();
        double uFlipH = random.nextDouble();
        double uFlipV = random.nextDouble();
        double zx = zoomLow == 1 && zoomHigh == 1 ? 1 : zoomLow + (zoomHigh - zoomLow) * uZx;
        double zy = zoomLow == 1 && zoomHigh == 1 ? 1 : zoomLow + (zoomHigh - zoomLow) * uZy;
        return AffineTransform.identity()
                .theta(symmetric(rotationRange, uTheta))
                .tx(shift(widthShiftRange, w, uWidth))
                .ty(shift(heightShiftRange, h, uHeight))
                .shear(symmetric(shearRange, uShear))
                .zoom(zx, zy)
                .flipHorizontal(horizontalFlip && uFlipH < 0.5)
                .flipVertical(verticalFlip && uFlipV < 0.5);
    }

    /** A value uniform in [-range, range]. */
    private static double symmetric(double range, double u) {
        return range == 0 ? 0 : range * (2 * u - 1);
    }

    /** Keras's shift: a range below 1 is a fraction of the size, 1 or more a number of pixels. */
    private static double shift(double range, int size, double u) {
        double value = symmetric(range, u);
        return range < 1 ? value * size : value;
    }

    /**
     * torchvision's {@code RandomResizedCrop} box (ten tries at a random area and aspect ratio, then
     * the centre crop), as the matrix that maps the full-size output onto the box.
     */
    private double[] drawCrop(SplittableRandom random, int h, int w) {
        double area = (double) h * w;
        double logLow = Math.log(cropRatioLow);
        double logHigh = Math.log(cropRatioHigh);
        int cropW = w;
        int cropH = h;
        int top = 0;
        int left = 0;
        boolean found = false;
        for (int attempt = 0; attempt < 10 && !found; attempt++) {
            double target = area * (cropScaleLow + (cropScaleHigh - cropScaleLow) * random.nextDouble());
            double ratio = Math.exp(logLow + (logHigh - logLow) * random.nextDouble());
            int cw = (int) Math.round(Math.sqrt(target * ratio));
            int ch = (int) Math.round(Math.sqrt(target / ratio));
            if (cw > 0 && ch > 0 && cw <= w && ch <= h) {
                cropW = cw;
                cropH = ch;
                top = random.nextInt(h - ch + 1);
                left = random.nextInt(w - cw + 1);
                found = true;
            }
        }
        if (!found) {
            double ratio = (double) w / h;
            if (ratio < cropRatioLow) {
                cropH = (int) Math.round(w / cropRatioLow);
            } else if (ratio > cropRatioHigh) {
                cropW = (int) Math.round(h * cropRatioHigh);
            }
            top = (h - cropH) / 2;
            left = (w - cropW) / 2;
        }
        return cropMatrix(h, w, top, left, cropH, cropW);
    }

    /** The output-to-input map that stretches the box (top, left, height, width) over the whole image, pixel centres aligned. */
    static double[] cropMatrix(int h, int w, double top, double left, double cropH, double cropW) {
        double sx = cropW / w;
        double sy = cropH / h;
        return new double[] {sx, 0, left + 0.5 * sx - 0.5, 0, sy, top + 0.5 * sy - 0.5};
    }

    static long imageSeed(long seed, long epoch, long index) {
        long h = mix(seed + 0x9E3779B97F4A7C15L);
        h = mix(h ^ (epoch * 0xC2B2AE3D27D4EB4FL + 0x165667B19E3779F9L));
        return mix(h ^ (index * 0xD6E8FEB86659FD93L + 0x27D4EB2F165667C5L));
    }

    /** A 64-bit finaliser (Stafford's mix 13), so that neighbouring seeds, epochs and indices give unrelated streams. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** {@code value} as Keras would print it: 40 rather than 40.0. */
    static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        if (rotationRange != 0) {
            parts.add("rotationRange=" + format(rotationRange));
        }
        if (widthShiftRange != 0) {
            parts.add("widthShiftRange=" + format(widthShiftRange));
        }
        if (heightShiftRange != 0) {
            parts.add("heightShiftRange=" + format(heightShiftRange));
        }
        if (shearRange != 0) {
            parts.add("shearRange=" + format(shearRange));
        }
        if (zoomLow != 1 || zoomHigh != 1) {
            parts.add("zoomRange=[" + format(zoomLow) + ", " + format(zoomHigh) + "]");
        }
        if (horizontalFlip) {
            parts.add("horizontalFlip=true");
        }
        if (verticalFlip) {
            parts.add("verticalFlip=true");
        }
        parts.add("fillMode=" + fillMode.kerasName() + (fillMode == FillMode.CONSTANT ? ", cval=" + format(cval) : ""));
        if (interpolationOrder != 1) {
            parts.add("interpolationOrder=" + interpolationOrder);
        }
        if (cropScaleHigh > 0) {
            parts.add(String.format(Locale.ROOT, "cropScaleRange=[%s, %s], cropRatioRange=[%s, %s]", format(cropScaleLow),
                    format(cropScaleHigh), format(cropRatioLow), format(cropRatioHigh)));
        }
        if (contrastRange != 0) {
            parts.add("contrastRange=" + format(contrastRange));
        }
        if (brightness) {
            parts.add("brightnessRange=[" + format(brightnessLow) + ", " + format(brightnessHigh) + "]"
                    + (brightnessPerChannel ? ", brightnessPerChannel=true" : ""));
        }
        if (gaussianNoise != 0) {
            parts.add("gaussianNoise=" + format(gaussianNoise));
        }
        if (downsampleLow != 1 || downsampleHigh != 1) {
            parts.add("downsampleRange=[" + format(downsampleLow) + ", " + format(downsampleHigh) + "]");
        }
        if (rescale != 0) {
            parts.add("rescale=" + format(rescale));
        }
        parts.add("seed=" + seed);
        return "Augmenter[" + String.join(", ", parts) + "]";
    }

    /** Per-thread buffers, so that augmenting a batch allocates only its result. */
    private static final class Scratch {
        private byte[] source = new byte[0];
        private float[] work = new float[0];
        private float[] spare = new float[0];
        private float[] output = new float[0];

        byte[] source(int size) {
            if (source.length < size) {
                source = new byte[size];
            }
            return source;
        }

        float[] work(int size) {
            if (work.length < size) {
                work = new float[size];
            }
            return work;
        }

        float[] spare(int size) {
            if (spare.length < size) {
                spare = new float[size];
            }
            return spare;
        }

        float[] output(int size) {
            if (output.length < size) {
                output = new float[size];
            }
            return output;
        }
    }

    /**
     * Settings of an {@link Augmenter}, named as Keras's {@code ImageDataGenerator} arguments without
     * the underscores; any order, each off until set. {@link #build()} checks them all.
     */
    public static final class Builder {

        private double rotationRange;
        private double widthShiftRange;
        private double heightShiftRange;
        private double shearRange;
        private double zoomLow = 1;
        private double zoomHigh = 1;
        private boolean horizontalFlip;
        private boolean verticalFlip;
        private FillMode fillMode = FillMode.NEAREST;
        private double cval;
        private int interpolationOrder = 1;
        private double rescale;
        private double cropScaleLow;
        private double cropScaleHigh;
        private double cropRatioLow = DEFAULT_CROP_RATIO[0];
        private double cropRatioHigh = DEFAULT_CROP_RATIO[1];
        private double contrastRange;
        private boolean brightness;
        private double brightnessLow;
        private double brightnessHigh;
        private boolean brightnessPerChannel;
        private double gaussianNoise;
        private double downsampleLow = 1;
        private double downsampleHigh = 1;
        private Long seed;

        private Builder() {}

        /** Rotates by an angle uniform in [-degrees, degrees]; 0 to 180. */
        public Builder rotationRange(double degrees) {
            this.rotationRange = degrees;
            return this;
        }

        /**
         * Shifts left or right by up to {@code range}: a fraction of the width if below 1, pixels
         * otherwise (Keras's rule). Keras 2.9 and later apply this range vertically by mistake
         * (keras-team/keras#17398); here it always moves the image sideways, as its name says.
         */
        public Builder widthShiftRange(double range) {
            this.widthShiftRange = range;
            return this;
        }

        /** Shifts up or down by up to {@code range}: a fraction of the height if below 1, pixels otherwise. */
        public Builder heightShiftRange(double range) {
            this.heightShiftRange = range;
            return this;
        }

        /**
         * Shears by an angle uniform in [-degrees, degrees]. Keras reads {@code shear_range} in degrees,
         * so the common {@code shear_range=0.2} is a fifth of a degree; 10 to 20 shows clearly.
         */
        public Builder shearRange(double degrees) {
            this.shearRange = degrees;
            return this;
        }

        /**
         * Zooms by factors uniform in [1 - range, 1 + range], drawn separately for width and height
         * as Keras does; a factor below 1 enlarges the content. {@code range} is in [0, 1).
         */
        public Builder zoomRange(double range) {
            this.zoomLow = 1 - range;
            this.zoomHigh = 1 + range;
            return this;
        }

        /** Zooms by factors uniform in [lower, upper], drawn separately for width and height. */
        public Builder zoomRange(double lower, double upper) {
            this.zoomLow = lower;
            this.zoomHigh = upper;
            return this;
        }

        /** Mirrors half of the images left-right. */
        public Builder horizontalFlip(boolean flip) {
            this.horizontalFlip = flip;
            return this;
        }

        /** Mirrors half of the images top-bottom. */
        public Builder verticalFlip(boolean flip) {
            this.verticalFlip = flip;
            return this;
        }

        /** How points outside the image are filled (default {@link FillMode#NEAREST}, as in Keras). */
        public Builder fillMode(FillMode mode) {
            this.fillMode = mode;
            return this;
        }

        /** The value (0-255) of points outside the image when {@link #fillMode} is {@link FillMode#CONSTANT}; default 0. */
        public Builder cval(double value) {
            this.cval = value;
            return this;
        }

        /** 1 (default) for bilinear sampling, 0 for the nearest pixel. */
        public Builder interpolationOrder(int order) {
            this.interpolationOrder = order;
            return this;
        }

        /**
         * Multiplies the float batch after all other transforms, e.g. 1/255. {@code fit} scales every
         * batch to [0, 1] itself, so there it must be left unset or be 1/255.
         */
        public Builder rescale(double factor) {
            this.rescale = factor;
            return this;
        }

        /**
         * Crops a random box covering a fraction in [lower, upper] of the image's area, with an
         * aspect ratio in {@link #cropRatioRange} (default 3/4 to 4/3), and resizes it to the full
         * size, as torchvision's {@code RandomResizedCrop}. Fractions in (0, 1].
         */
        public Builder cropScaleRange(double lower, double upper) {
            this.cropScaleLow = lower;
            this.cropScaleHigh = upper;
            return this;
        }

        /** The aspect ratios (width / height) a random crop may have, drawn uniformly on a log scale. */
        public Builder cropRatioRange(double lower, double upper) {
            this.cropRatioLow = lower;
            this.cropRatioHigh = upper;
            return this;
        }

        /** Scales each channel's spread about its mean by a factor uniform in [1 - range, 1 + range], range in [0, 1]. */
        public Builder contrastRange(double range) {
            this.contrastRange = range;
            return this;
        }

        /** Multiplies the pixels by a factor uniform in [lower, upper] (Keras's {@code brightness_range}), clipping at 255. */
        public Builder brightnessRange(double lower, double upper) {
            this.brightness = true;
            this.brightnessLow = lower;
            this.brightnessHigh = upper;
            return this;
        }

        /** Draws a separate brightness factor for each channel, which tints the image, instead of one for all. */
        public Builder brightnessPerChannel(boolean perChannel) {
            this.brightnessPerChannel = perChannel;
            return this;
        }

        /** Adds Gaussian noise with standard deviation {@code stddev}, in pixel levels (0-255). */
        public Builder gaussianNoise(double stddev) {
            this.gaussianNoise = stddev;
            return this;
        }

        /**
         * Shrinks each image by a factor uniform in [lower, upper] (box average) and enlarges it back
         * (bilinear), as a low-resolution camera would; factors in (0, 1].
         */
        public Builder downsampleRange(double lower, double upper) {
            this.downsampleLow = lower;
            this.downsampleHigh = upper;
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
            check(rotationRange >= 0 && rotationRange <= 180, "rotationRange must be in [0, 180]", "rotationRange", rotationRange);
            check(widthShiftRange >= 0 && Double.isFinite(widthShiftRange),
                    "widthShiftRange must be a fraction of the width in [0, 1) or a number of pixels >= 1", "widthShiftRange", widthShiftRange);
            check(heightShiftRange >= 0 && Double.isFinite(heightShiftRange),
                    "heightShiftRange must be a fraction of the height in [0, 1) or a number of pixels >= 1", "heightShiftRange", heightShiftRange);
            check(shearRange >= 0 && shearRange < 90, "shearRange must be in [0, 90) degrees", "shearRange", shearRange);
            if (!(zoomLow > 0 && zoomLow <= zoomHigh && Double.isFinite(zoomHigh))) {
                throw new IllegalArgumentException("zoomRange must be a float in [0, 1) or two factors with 0 < lower <= upper, "
                        + "but got zoomRange=[" + format(zoomLow) + ", " + format(zoomHigh) + "].");
            }
            if (fillMode == null) {
                throw new IllegalArgumentException("fillMode must be one of constant, nearest, reflect, wrap, but got fillMode=null.");
            }
            check(cval >= 0 && cval <= 255, "cval must be in [0, 255]", "cval", cval);
            if (interpolationOrder != 0 && interpolationOrder != 1) {
                throw new IllegalArgumentException("interpolationOrder must be 0 (nearest) or 1 (bilinear), but got interpolationOrder="
                        + interpolationOrder + ".");
            }
            check(Double.isFinite(rescale), "rescale must be a finite number (0 for none)", "rescale", rescale);
            if (cropScaleLow != 0 || cropScaleHigh != 0) {
                checkRange(cropScaleLow > 0 && cropScaleLow <= cropScaleHigh && cropScaleHigh <= 1,
                        "cropScaleRange must satisfy 0 < lower <= upper <= 1", "cropScaleRange", cropScaleLow, cropScaleHigh);
            }
            checkRange(cropRatioLow > 0 && cropRatioLow <= cropRatioHigh && Double.isFinite(cropRatioHigh),
                    "cropRatioRange must satisfy 0 < lower <= upper", "cropRatioRange", cropRatioLow, cropRatioHigh);
            check(contrastRange >= 0 && contrastRange <= 1, "contrastRange must be in [0, 1]", "contrastRange", contrastRange);
            checkRange(brightnessLow >= 0 && brightnessLow <= brightnessHigh && Double.isFinite(brightnessHigh),
                    "brightnessRange must satisfy 0 <= lower <= upper", "brightnessRange", brightnessLow, brightnessHigh);
            check(gaussianNoise >= 0 && Double.isFinite(gaussianNoise), "gaussianNoise must be a standard deviation >= 0",
                    "gaussianNoise", gaussianNoise);
            checkRange(downsampleLow > 0 && downsampleLow <= downsampleHigh && downsampleHigh <= 1,
                    "downsampleRange must satisfy 0 < lower <= upper <= 1", "downsampleRange", downsampleLow, downsampleHigh);
            return new Augmenter(this, seed != null ? seed : Seeds.next());
        }

        private static void check(boolean ok, String rule, String name, double value) {
            if (!ok) {
                throw new IllegalArgumentException(rule + ", but got " + name + "=" + format(value) + ".");
            }
        }

        private static void checkRange(boolean ok, String rule, String name, double lower, double upper) {
            if (!ok) {
                throw new IllegalArgumentException(rule + ", but got " + name + "=[" + format(lower) + ", " + format(upper) + "].");
            }
        }
    }
}
