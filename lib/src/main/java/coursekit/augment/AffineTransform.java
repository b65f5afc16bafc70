package coursekit.augment;

import coursekit.data.ImageSet;
import java.util.Locale;

/**
 * One fixed geometric transform with the parameters of Keras's {@code apply_transform} ({@code theta},
 * {@code tx}, {@code ty}, {@code shear}, {@code zx}, {@code zy}, {@code flip_horizontal},
 * {@code flip_vertical}), composed into a single matrix and applied in one resampling pass.
 *
 * <p>Coordinates are Keras 2's: x runs along a row (columns, left to right), y down the image (rows),
 * and every transform pivots on the image centre ((width-1)/2, (height-1)/2). As in Keras the matrix
 * maps each <em>output</em> pixel to the input point it samples, so:
 * <ul>
 *   <li>{@code theta} (degrees) turns the content counter-clockwise as seen on screen: a 90-degree
 *       turn moves the top-right corner to the top-left;</li>
 *   <li>{@code tx}, {@code ty} (pixels) sample the input at (x + tx, y + ty), so the content moves
 *       left by {@code tx} and up by {@code ty};</li>
 *   <li>{@code shear} (degrees) samples at (x - sin(shear)·y, cos(shear)·y) about the centre: a point
 *       below the centre moves right by tan(shear) times its depth, and depths stretch by 1/cos(shear);</li>
 *   <li>{@code zx}, {@code zy} sample at (zx·x, zy·y) about the centre, so a factor below 1 enlarges
 *       the content: 0.5 makes it twice as large;</li>
 *   <li>the flips mirror the result left-right and top-bottom, after the other transforms.</li>
 * </ul>
 * The matrix is {@code rotation · shift · shear · zoom} in that order, as Keras multiplies them.
 *
 * <p>Immutable: each setter returns a new transform. {@code AffineTransform.identity().theta(90)}
 * is a quarter turn.
 */
public final class AffineTransform {

    private static final AffineTransform IDENTITY = new AffineTransform(0, 0, 0, 0, 1, 1, false, false);

    private final double theta;
    private final double tx;
    private final double ty;
    private final double shear;
    private final double zx;
    private final double zy;
    private final boolean flipHorizontal;
    private final boolean flipVertical;

    private AffineTransform(double theta, double tx, double ty, double shear, double zx, double zy,
            boolean flipHorizontal, boolean flipVertical) {
        this.theta = finite("theta", theta);
        this.tx = finite("tx", tx);
        this.ty = finite("ty", ty);
        this.shear = finite("shear", shear);
        this.zx = finite("zx", zx);
        this.zy = finite("zy", zy);
        this.flipHorizontal = flipHorizontal;
        this.flipVertical = flipVertical;
    }

    /** The transform that leaves every image as it is. */
    public static AffineTransform identity() {
        return IDENTITY;
    }

    /** This transform with a rotation of {@code degrees}, counter-clockwise for positive values. */
    public AffineTransform theta(double degrees) {
        return new AffineTransform(degrees, tx, ty, shear, zx, zy, flipHorizontal, flipVertical);
    }

    /** This transform sampling {@code pixels} to the right, which moves the content left by that much. */
    public AffineTransform tx(double pixels) {
        return new AffineTransform(theta, pixels, ty, shear, zx, zy, flipHorizontal, flipVertical);
    }

    /** This transform sampling {@code pixels} lower, which moves the content up by that much. */
    public AffineTransform ty(double pixels) {
        return new AffineTransform(theta, tx, pixels, shear, zx, zy, flipHorizontal, flipVertical);
    }

    /** This transform with a shear of {@code degrees} (Keras's shear angle). */
    public AffineTransform shear(double degrees) {
        return new AffineTransform(theta, tx, ty, degrees, zx, zy, flipHorizontal, flipVertical);
    }

    /** This transform with horizontal zoom factor {@code zx}; below 1 enlarges the content. */
    public AffineTransform zx(double factor) {
        return new AffineTransform(theta, tx, ty, shear, factor, zy, flipHorizontal, flipVertical);
    }

    /** This transform with vertical zoom factor {@code zy}; below 1 enlarges the content. */
    public AffineTransform zy(double factor) {
        return new AffineTransform(theta, tx, ty, shear, zx, factor, flipHorizontal, flipVertical);
    }

    /** This transform with both zoom factors set; {@code zoom(0.5, 0.5)} doubles the content's size. */
    public AffineTransform zoom(double zx, double zy) {
        return new AffineTransform(theta, tx, ty, shear, zx, zy, flipHorizontal, flipVertical);
    }

    /** This transform, mirrored left-right at the end when {@code flip} is true. */
    public AffineTransform flipHorizontal(boolean flip) {
        return new AffineTransform(theta, tx, ty, shear, zx, zy, flip, flipVertical);
    }

    /** This transform, mirrored top-bottom at the end when {@code flip} is true. */
    public AffineTransform flipVertical(boolean flip) {
        return new AffineTransform(theta, tx, ty, shear, zx, zy, flipHorizontal, flip);
    }

    public double theta() {
        return theta;
    }

    public double tx() {
        return tx;
    }

    public double ty() {
        return ty;
    }

    public double shear() {
        return shear;
    }

    public double zx() {
        return zx;
    }

    public double zy() {
        return zy;
    }

    public boolean flipHorizontal() {
        return flipHorizontal;
    }

    public boolean flipVertical() {
        return flipVertical;
    }

    /** Whether this transform leaves every image unchanged. */
    public boolean isIdentity() {
        return theta == 0 && tx == 0 && ty == 0 && shear == 0 && zx == 1 && zy == 1 && !flipHorizontal && !flipVertical;
    }

    /**
     * The map from output pixel (x, y) = (column, row) to the input point it samples, for images of
     * {@code height x width}: {@code {a, b, c, d, e, f}} with {@code xIn = a*x + b*y + c} and
     * {@code yIn = d*x + e*y + f}.
     */
    public double[] matrix(int height, int width) {
        double[] m = {1, 0, 0, 0, 1, 0};
        if (theta != 0) {
            double radians = Math.toRadians(theta);
            double cos = snap(Math.cos(radians));
            double sin = snap(Math.sin(radians));
            m = multiply(m, new double[] {cos, -sin, 0, sin, cos, 0});
        }
        if (tx != 0 || ty != 0) {
            m = multiply(m, new double[] {1, 0, tx, 0, 1, ty});
        }
        if (shear != 0) {
            double radians = Math.toRadians(shear);
            m = multiply(m, new double[] {1, -snap(Math.sin(radians)), 0, 0, snap(Math.cos(radians)), 0});
        }
        if (zx != 1 || zy != 1) {
            m = multiply(m, new double[] {zx, 0, 0, 0, zy, 0});
        }
        double cx = (width - 1) / 2.0;
        double cy = (height - 1) / 2.0;
        m = multiply(multiply(new double[] {1, 0, cx, 0, 1, cy}, m), new double[] {1, 0, -cx, 0, 1, -cy});
        if (flipHorizontal || flipVertical) {
            // The flips act on the output, after everything else, so they come last in the output-to-input map.
            m = multiply(m, new double[] {flipHorizontal ? -1 : 1, 0, flipHorizontal ? width - 1 : 0,
                0, flipVertical ? -1 : 1, flipVertical ? height - 1 : 0});
        }
        return m;
    }

    /** Every image transformed, filling outside points as {@code fillMode} says and sampling bilinearly (Keras's default). */
    public ImageSet apply(ImageSet images, FillMode fillMode) {
        return apply(images, fillMode, 0, 1);
    }

    /**
     * Every image transformed.
     *
     * @param cval the value (0-255) of points outside the image when {@code fillMode} is {@link FillMode#CONSTANT}
     * @param interpolationOrder 1 for bilinear sampling, 0 for the nearest pixel (Keras's {@code interpolation_order})
     */
    public ImageSet apply(ImageSet images, FillMode fillMode, double cval, int interpolationOrder) {
        if (interpolationOrder != 0 && interpolationOrder != 1) {
            throw new IllegalArgumentException("interpolationOrder must be 0 or 1, but got interpolationOrder="
                    + interpolationOrder + ".");
        }
        if (!(cval >= 0 && cval <= 255)) {
            throw new IllegalArgumentException("cval must be in [0, 255], but got cval=" + AugmenterSettings.format(cval) + ".");
        }
        double[] m = matrix(images.height(), images.width());
        return Warp.mapImages(images, (source, target) -> Warp.affine(source, images.height(), images.width(), images.channels(),
                m, java.util.Objects.requireNonNull(fillMode, "fillMode"), (float) cval, interpolationOrder,
                target, 0, images.channels(), 1, 1f));
    }

    /** {@code a · b} for 2x3 affine matrices, each standing for the 3x3 matrix with last row (0, 0, 1). */
    static double[] multiply(double[] a, double[] b) {
        return new double[] {
            a[0] * b[0] + a[1] * b[3], a[0] * b[1] + a[1] * b[4], a[0] * b[2] + a[1] * b[5] + a[2],
            a[3] * b[0] + a[4] * b[3], a[3] * b[1] + a[4] * b[4], a[3] * b[2] + a[4] * b[5] + a[5],
        };
    }

    /** Rounds sines and cosines that are 0 or ±1 up to floating-point noise, so quarter turns land on whole pixels. */
    private static double snap(double value) {
        double rounded = Math.rint(value);
        return Math.abs(value - rounded) < 1e-12 ? rounded : value;
    }

    private static double finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number, but got " + name + "=" + value + ".");
        }
        return value;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof AffineTransform)) {
            return false;
        }
        AffineTransform t = (AffineTransform) other;
        return theta == t.theta && tx == t.tx && ty == t.ty && shear == t.shear && zx == t.zx && zy == t.zy
                && flipHorizontal == t.flipHorizontal && flipVertical == t.flipVertical;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(theta, tx, ty, shear, zx, zy, flipHorizontal, flipVertical);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "AffineTransform[theta=%s, tx=%s, ty=%s, shear=%s, zx=%s, zy=%s, flipHorizontal=%s, flipVertical=%s]",
                AugmenterSettings.format(theta), AugmenterSettings.format(tx), AugmenterSettings.format(ty),
                AugmenterSettings.format(shear), AugmenterSettings.format(zx), AugmenterSettings.format(zy), flipHorizontal, flipVertical);
    }
}
