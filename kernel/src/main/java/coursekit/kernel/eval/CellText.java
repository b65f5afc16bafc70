package coursekit.kernel.eval;

/** A cell's source with line arithmetic for error messages (lines count from 1). */
final class CellText {

    private final String text;

    CellText(String text) {
        this.text = text;
    }

    String text() {
        return text;
    }

    /** The line of the character at {@code offset}. */
    int lineOf(int offset) {
        int line = 1;
        int end = Math.min(Math.max(offset, 0), text.length());
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The column (from 0) of the character at {@code offset} in its line. */
    int columnOf(int offset) {
        int end = Math.min(Math.max(offset, 0), text.length());
        int start = text.lastIndexOf('\n', end - 1) + 1;
        return end - start;
    }

    /** Line {@code line} without its line end; empty past the end. */
    String line(int line) {
        int start = 0;
        for (int l = 1; l < line; l++) {
            start = text.indexOf('\n', start) + 1;
            if (start == 0) {
                return "";
            }
        }
        int end = text.indexOf('\n', start);
        String found = end < 0 ? text.substring(start) : text.substring(start, end);
        return found.endsWith("\r") ? found.substring(0, found.length() - 1) : found;
    }
}
