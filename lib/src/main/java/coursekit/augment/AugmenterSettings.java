package coursekit.augment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The settings of an {@link Augmenter}, with the checks {@link Augmenter.Builder#build()} makes and
 * the description {@link Augmenter#toString()} gives, in Keras's terms.
 *
 * <p>The builder fills one of these and the augmenter keeps a {@link #copy()} of it, which nothing
 * changes afterwards.
 */
final class AugmenterSettings implements Cloneable {

    /** The default aspect-ratio range of a random crop, torchvision's {@code RandomResizedCrop} default. */
    private static final double[] DEFAULT_CROP_RATIO = {3.0 / 4, 4.0 / 3};

    double rotationRange;
    double widthShiftRange;
    double heightShiftRange;
    double shearRange;
    double zoomLow = 1;
    double zoomHigh = 1;
    boolean horizontalFlip;
    boolean verticalFlip;
    FillMode fillMode = FillMode.NEAREST;
    double cval;
    int interpolationOrder = 1;
    double rescale;
    double cropScaleLow;
    double cropScaleHigh;
    double cropRatioLow = DEFAULT_CROP_RATIO[0];
    double cropRatioHigh = DEFAULT_CROP_RATIO[1];
    double contrastRange;
    boolean brightness;
    double brightnessLow;
    double brightnessHigh;
    boolean brightnessPerChannel;
    double gaussianNoise;
    double downsampleLow = 1;
    double downsampleHigh = 1;

    /** A copy with the same values, all of them primitives or constants. */
    AugmenterSettings copy() {
        try {
            return (AugmenterSettings) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Checks every setting.
     *
     * @throws IllegalArgumentException naming the first bad setting and its value
     */
    void check() {
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
    }

    /** Throws "{@code rule}, but got {@code name}={@code value}." unless {@code ok}. */
    static void check(boolean ok, String rule, String name, double value) {
        if (!ok) {
            throw new IllegalArgumentException(rule + ", but got " + name + "=" + format(value) + ".");
        }
    }

    private static void checkRange(boolean ok, String rule, String name, double lower, double upper) {
        if (!ok) {
            throw new IllegalArgumentException(rule + ", but got " + name + "=[" + format(lower) + ", " + format(upper) + "].");
        }
    }

    /** The settings that differ from the defaults, as "name=value", in the builder's order; fill mode always. */
    List<String> describe() {
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
        return parts;
    }

    /** {@code value} as Keras would print it: 40 rather than 40.0. */
    static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
