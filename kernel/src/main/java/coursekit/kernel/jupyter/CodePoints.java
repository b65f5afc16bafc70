package coursekit.kernel.jupyter;

/**
 * Converts between Jupyter's cursor positions (Unicode code points, protocol 5.2+) and Java string
 * indices (UTF-16 units); they differ after an emoji or any other character outside the BMP.
 */
final class CodePoints {

    private CodePoints() {}

    static int toIndex(String text, int codePoints) {
        int total = text.codePointCount(0, text.length());
        return text.offsetByCodePoints(0, Math.max(0, Math.min(codePoints, total)));
    }

    static int toCodePoints(String text, int index) {
        return text.codePointCount(0, Math.max(0, Math.min(index, text.length())));
    }
}
