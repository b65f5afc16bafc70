package coursekit.augment;

import coursekit.data.ImageSet;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Each transform of {@link Augmenter} with fixed, explicit parameters, applied to every image of a
 * set: {@code Transforms.rotate(images, 90, FillMode.CONSTANT)}. Geometric ones sample bilinearly
 * and follow the conventions of {@link AffineTransform} (Keras 2's); results are rounded to bytes and
 * keep the labels.
 */
public final class Transforms {

    private Transforms() {}

    /** Rotates by {@code degrees}, counter-clockwise on screen for positive values, about the image centre. */
    public static ImageSet rotate(ImageSet images, double degrees, FillMode fillMode) {
        return AffineTransform.identity().theta(degrees).apply(images, fillMode);
    }

    /**
     * Shifts by Keras's {@code tx}, {@code ty} in pixels: the image is sampled at (x + tx, y + ty),
     * so the content moves left by {@code tx} and up by {@code ty}.
     */
    public static ImageSet shift(ImageSet images, double tx, double ty, FillMode fillMode) {
        return AffineTransform.identity().tx(tx).ty(ty).apply(images, fillMode);
    }

    /** Like {@link #shift(ImageSet, double, double, FillMode)}, filling with {@code cval} in {@link FillMode#CONSTANT} mode. */
    public static ImageSet shift(ImageSet images, double tx, double ty, FillMode fillMode, double cval) {
        return AffineTransform.identity().tx(tx).ty(ty).apply(images, fillMode, cval, 1);
    }

    /** Shears by {@code degrees} about the centre, as Keras's {@code shear} (see {@link AffineTransform}). */
    public static ImageSet shear(ImageSet images, double degrees, FillMode fillMode) {
        return AffineTransform.identity().shear(degrees).apply(images, fillMode);
    }

    /** Zooms about the centre by Keras's factors: below 1 enlarges, so {@code zoom(images, 0.5, 0.5, ...)} doubles the size. */
    public static ImageSet zoom(ImageSet images, double zx, double zy, FillMode fillMode) {
        return AffineTransform.identity().zoom(zx, zy).apply(images, fillMode);
    }

    /** Mirrors left-right: pixel (row, col) moves to (row, width - 1 - col). */
    public static ImageSet flipHorizontal(ImageSet images) {
        return AffineTransform.identity().flipHorizontal(true).apply(images, FillMode.NEAREST);
    }

    /** Mirrors top-bottom: pixel (row, col) moves to (height - 1 - row, col). */
    public static ImageSet flipVertical(ImageSet images) {
        return AffineTransform.identity().flipVertical(true).apply(images, FillMode.NEAREST);
    }

    /**
     * Crops the box with corner ({@code top}, {@code left}) and size {@code height x width} and resizes
     * it bilinearly back to the full image size, as one step of torchvision's {@code RandomResizedCrop}.
     * The box is resampled from the whole image in one pass, so the last output row and column may
     * blend in part of the pixels just outside the box, where a separate crop would repeat its edge.
     */
    public static ImageSet cropResize(ImageSet images, int top, int left, int height, int width) {
        if (top < 0 || left < 0 || height < 1 || width < 1 || top + height > images.height() || left + width > images.width()) {
            throw new IllegalArgumentException("The crop box must lie inside the " + images.height() + "x" + images.width()
                    + " images, but got top=" + top + ", left=" + left + ", height=" + height + ", width=" + width + ".");
        }
        double[] m = RandomGeometry.cropMatrix(images.height(), images.width(), top, left, height, width);
        return Warp.mapImages(images, (source, target) -> Warp.affine(source, images.height(), images.width(), images.channels(),
                m, FillMode.NEAREST, 0f, 1, target, 0, images.channels(), 1, 1f));
    }

    /** Scales each channel's spread about its own mean by {@code factor} (Keras's {@code RandomContrast}), clipped to 0-255. */
    public static ImageSet contrast(ImageSet images, double factor) {
        AugmenterSettings.check(factor >= 0 && Double.isFinite(factor), "The contrast factor must be >= 0", "factor", factor);
        return pixelwise(images, (image, c) -> Warp.contrast(image, image.length / c, c, (float) factor));
    }

    /**
     * Multiplies the pixels by {@code factors}, clipped to 0-255: one factor for every channel, or one
     * per channel ({@code brightness(images, 1.2, 1.0, 0.8)} warms an RGB image).
     */
    public static ImageSet brightness(ImageSet images, double... factors) {
        int c = images.channels();
        if (factors.length != 1 && factors.length != c) {
            throw new IllegalArgumentException("Give one brightness factor or one per channel (" + c + "), but got "
                    + factors.length + ".");
        }
        float[] perChannel = new float[c];
        for (int ch = 0; ch < c; ch++) {
            double factor = factors[factors.length == 1 ? 0 : ch];
            AugmenterSettings.check(factor >= 0 && Double.isFinite(factor), "A brightness factor must be >= 0", "factor", factor);
            perChannel[ch] = (float) factor;
        }
        return pixelwise(images, (image, channels) -> Warp.brightness(image, image.length / channels, channels, perChannel));
    }

    /** Adds Gaussian noise of standard deviation {@code stddev} pixel levels, the same noise for the same seed, clipped to 0-255. */
    public static ImageSet noise(ImageSet images, double stddev, long seed) {
        AugmenterSettings.check(stddev >= 0 && Double.isFinite(stddev), "The noise standard deviation must be >= 0", "stddev", stddev);
        SplittableRandom random = new SplittableRandom(seed);
        return pixelwise(images, (image, c) -> Warp.noise(image, image.length, stddev, random));
    }

    /**
     * Shrinks every image to {@code factor} of its size by box averaging and enlarges it back
     * bilinearly: 0.25 turns a 32x32 image into 8x8 blocks, softened.
     */
    public static ImageSet downsample(ImageSet images, double factor) {
        AugmenterSettings.check(factor > 0 && factor <= 1, "The downsample factor must be in (0, 1]", "factor", factor);
        float[] scratch = new float[images.imageBytes()];
        return pixelwise(images, (image, c) -> Warp.downsample(image, images.height(), images.width(), c, factor, scratch));
    }

    /** A step on one float HWC image (0-255) of {@code c} channels, in place. */
    private interface PixelStep {
        void apply(float[] image, int c);
    }

    private static ImageSet pixelwise(ImageSet images, PixelStep step) {
        Objects.requireNonNull(images, "images");
        int c = images.channels();
        return Warp.mapImages(images, (source, target) -> {
            Warp.convert(source, images.height(), images.width(), c, target, 0, c, 1, 1f);
            step.apply(target, c);
        });
    }
}
