package coursekit.augment;

import java.util.Locale;

/**
 * How a geometric transform fills the points that fall outside the input image, with Keras's
 * {@code fill_mode} names and meanings. In the diagrams below {@code abcd} is one row of the input
 * and the outer parts show what a sample beyond each edge reads.
 */
public enum FillMode {

    /** {@code kkkkkkkk|abcd|kkkkkkkk}: every point outside is the constant {@code cval} (default 0). */
    CONSTANT,

    /** {@code aaaaaaaa|abcd|dddddddd}: a point outside takes the value of the nearest edge pixel (Keras's default). */
    NEAREST,

    /** {@code abcddcba|abcd|dcbaabcd}: the image mirrored at its edges, the edge pixel repeated. */
    REFLECT,

    /**
     * {@code abcdabcd|abcd|abcdabcd}: the image repeated, as if it tiled the plane. This is the
     * periodic tiling Keras documents (scipy's {@code grid-wrap}); the scipy {@code wrap} that Keras 2
     * calls overlaps the first and last pixel and so repeats with a period one pixel short.
     */
    WRAP;

    /** The mode with Keras's name ({@code "nearest"}, {@code "constant"}, {@code "reflect"}, {@code "wrap"}), in any case. */
    public static FillMode of(String kerasName) {
        for (FillMode mode : values()) {
            if (mode.name().equalsIgnoreCase(kerasName)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("fillMode must be one of constant, nearest, reflect, wrap, but got fillMode="
                + kerasName + ".");
    }

    /** The Keras name, e.g. {@code "nearest"}. */
    public String kerasName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Maps index {@code i} (possibly outside {@code 0..n-1}) to the index it reads; -1 for
     * {@link #CONSTANT} outside the image, meaning "use cval".
     */
    int map(int i, int n) {
        if (i >= 0 && i < n) {
            return i;
        }
        switch (this) {
            case NEAREST:
                return i < 0 ? 0 : n - 1;
            case REFLECT: {
                // Half-sample symmetric: period 2n, the second half running backwards.
                int period = 2 * n;
                int k = Math.floorMod(i, period);
                return k < n ? k : period - 1 - k;
            }
            case WRAP:
                return Math.floorMod(i, n);
            default:
                return -1;
        }
    }
}
