package coursekit.augment;

import java.util.SplittableRandom;

/**
 * The geometric draws of an {@link Augmenter}: Keras's random rotation, shift, shear, zoom and flips
 * as an {@link AffineTransform}, and torchvision's random crop box as a matrix.
 */
final class RandomGeometry {

    private final AugmenterSettings s;

    RandomGeometry(AugmenterSettings settings) {
        this.s = settings;
    }

    /** Keras's draws, in Keras's order; always eight numbers, so the draws after them do not depend on the settings. */
    AffineTransform drawTransform(SplittableRandom random, int h, int w) {
        double uTheta = random.nextDouble();
        double uHeight = random.nextDouble();
        double uWidth = random.nextDouble();
        double uShear = random.nextDouble();
        double uZx = random.nextDouble();
        double uZy = random.nextDouble();
        double uFlipH = random.nextDouble();
        double uFlipV = random.nextDouble();
        double zx = s.zoomLow == 1 && s.zoomHigh == 1 ? 1 : s.zoomLow + (s.zoomHigh - s.zoomLow) * uZx;
        double zy = s.zoomLow == 1 && s.zoomHigh == 1 ? 1 : s.zoomLow + (s.zoomHigh - s.zoomLow) * uZy;
        return AffineTransform.identity()
                .theta(symmetric(s.rotationRange, uTheta))
                .tx(shift(s.widthShiftRange, w, uWidth))
                .ty(shift(s.heightShiftRange, h, uHeight))
                .shear(symmetric(s.shearRange, uShear))
                .zoom(zx, zy)
                .flipHorizontal(s.horizontalFlip && uFlipH < 0.5)
                .flipVertical(s.verticalFlip && uFlipV < 0.5);
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

    /** Whether a random crop is set. */
    boolean crops() {
        return s.cropScaleHigh > 0;
    }

    /**
     * torchvision's {@code RandomResizedCrop} box (ten tries at a random area and aspect ratio, then
     * the centre crop), as the matrix that maps the full-size output onto the box.
     */
    double[] drawCrop(SplittableRandom random, int h, int w) {
        double area = (double) h * w;
        double logLow = Math.log(s.cropRatioLow);
        double logHigh = Math.log(s.cropRatioHigh);
        int cropW = w;
        int cropH = h;
        int top = 0;
        int left = 0;
        boolean found = false;
        for (int attempt = 0; attempt < 10 && !found; attempt++) {
            double target = area * (s.cropScaleLow + (s.cropScaleHigh - s.cropScaleLow) * random.nextDouble());
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
            if (ratio < s.cropRatioLow) {
                cropH = (int) Math.round(w / s.cropRatioLow);
            } else if (ratio > s.cropRatioHigh) {
                cropW = (int) Math.round(h * s.cropRatioHigh);
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
}
