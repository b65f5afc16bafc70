package coursekit.kernel.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * A piece of a cell: a run of Java code or one magic line, with where it starts in the cell.
 *
 * <p>A magic is a line that starts with {@code %} in its first column; Java code never starts a
 * line that way except in the rare continued expression {@code a\n% b}.
 */
record Segment(boolean magic, String text, int offset) {

    static List<Segment> split(String cell) {
        List<Segment> segments = new ArrayList<>();
        int codeStart = 0;
        int lineStart = 0;
        while (lineStart <= cell.length()) {
            int lineEnd = cell.indexOf('\n', lineStart);
            int next = lineEnd < 0 ? cell.length() + 1 : lineEnd + 1;
            String line = cell.substring(lineStart, lineEnd < 0 ? cell.length() : lineEnd);
            if (line.startsWith("%")) {
                if (lineStart > codeStart) {
                    segments.add(new Segment(false, cell.substring(codeStart, lineStart), codeStart));
                }
                segments.add(new Segment(true, line.strip(), lineStart));
                codeStart = Math.min(next, cell.length());
            }
            lineStart = next;
        }
        if (codeStart < cell.length() && !cell.substring(codeStart).isBlank()) {
            segments.add(new Segment(false, cell.substring(codeStart), codeStart));
        }
        return segments;
    }
}
