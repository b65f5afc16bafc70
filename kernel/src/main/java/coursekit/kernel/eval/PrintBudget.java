package coursekit.kernel.eval;

/**
 * How much of one stream a single cell may print: the first {@code head} characters go out as they
 * come, the rest is held back and only its last {@code tail} characters go out when the cell ends,
 * after one line saying how much was left out. A loop that prints a million lines then costs the
 * notebook a few hundred kilobytes and a few dozen messages, well inside Jupyter's default limits of
 * 1,000 messages and 1 MB a second, instead of freezing the browser and losing lines.
 *
 * <p>Not thread-safe: its stream's buffer calls it under its own lock.
 */
final class PrintBudget {

    /** What a cell may print to each stream unless told otherwise. */
    static final int HEAD = 100_000;
    static final int TAIL = 20_000;

    private final int head;
    private final int tail;
    private int sent;
    private boolean over;
    private long heldChars;
    private long heldLines;
    private final StringBuilder held = new StringBuilder();

    PrintBudget(int head, int tail) {
        if (head < 0 || tail < 0) {
            throw new IllegalArgumentException("Print limits cannot be negative, but got head " + head + " and tail " + tail + ".");
        }
        this.head = head;
        this.tail = tail;
    }

    /** Starts a new cell with the whole budget. */
    void reset() {
        sent = 0;
        over = false;
        heldChars = 0;
        heldLines = 0;
        held.setLength(0);
    }

    /** What of {@code text} goes out now (possibly nothing); the rest is held back. */
    String admit(String text) {
        if (over) {
            hold(text);
            return "";
        }
        if (sent + text.length() <= head) {
            sent += text.length();
            return text;
        }
        int cut = cutPoint(text, head - sent);
        over = true;
        hold(text.substring(cut));
        String shown = text.substring(0, cut);
        return shown + (shown.isEmpty() || shown.endsWith("\n") ? "" : "\n")
                + "[This cell printed more than " + String.format("%,d", head) + " characters: the rest is held back,"
                + " and its last " + String.format("%,d", tail) + " characters will show when the cell ends."
                + " To keep everything, write it to a file, e.g. Files.write(Path.of(\"output.txt\"), lines).]\n";
    }

    /** At the cell's end: the line saying what was left out, then the held-back tail; empty if all went out. */
    String finish() {
        if (!over) {
            return "";
        }
        int start = Math.max(0, held.length() - tail);
        if (heldChars > held.length() - start) {
            // Begin the tail at a line's start where one is near, and never inside a surrogate pair.
            int newline = held.indexOf("\n", start);
            if (start > 0 && held.charAt(start - 1) == '\n') {
                // Already at a line's start.
            } else if (newline >= 0 && newline + 1 < held.length() && newline - start < tail / 2) {
                start = newline + 1;
            } else if (start < held.length() && Character.isLowSurrogate(held.charAt(start))) {
                start++;
            }
        }
        String kept = held.substring(start);
        long leftChars = heldChars - kept.length();
        long leftLines = heldLines - kept.chars().filter(c -> c == '\n').count();
        String summary = "[... " + String.format("%,d", leftLines) + " lines (" + String.format("%,d", leftChars)
                + " characters) left out here ...]\n";
        reset();
        return summary + kept;
    }

    private void hold(String text) {
        heldChars += text.length();
        heldLines += text.chars().filter(c -> c == '\n').count();
        held.append(text);
        if (held.length() > 2 * tail + 2048) {
            // Keep a little more than the tail, so that it can still begin at a line's start.
            held.delete(0, held.length() - tail - 1024);
        }
    }

    /** Where to cut {@code text} to send at most {@code room} characters: after a line's end where possible. */
    private static int cutPoint(String text, int room) {
        int newline = text.lastIndexOf('\n', room - 1);
        if (newline >= 0) {
            return newline + 1;
        }
        return room > 0 && Character.isHighSurrogate(text.charAt(room - 1)) ? room - 1 : room;
    }
}
