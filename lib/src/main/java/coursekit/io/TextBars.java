package coursekit.io;

import java.util.Locale;

/** The pieces of a progress line drawn in text: a bar of a given width and a time as m:ss or h:mm:ss. */
public final class TextBars {

    private TextBars() {}

    /** {@code width} characters, the done part ({@code fraction}, clamped to [0, 1]) as '#', the rest as '-'. */
    public static String bar(double fraction, int width) {
        int filled = (int) Math.round(Math.max(0, Math.min(1, fraction)) * width);
        return "#".repeat(filled) + "-".repeat(width - filled);
    }

    /** {@code seconds} as {@code m:ss}, or {@code h:mm:ss} from an hour on. */
    public static String clockTime(long seconds) {
        return seconds >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
