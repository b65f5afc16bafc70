package coursekit.check;

import java.util.Locale;

/** Points as people write them: {@code 2}, not {@code 2.0}; {@code 1.5} stays {@code 1.5}. */
public final class Points {

    private Points() {}

    public static String format(double points) {
        if (points == Math.rint(points)) {
            return Long.toString((long) points);
        }
        return String.format(Locale.ROOT, "%.2f", points).replaceAll("0+$", "");
    }
}
