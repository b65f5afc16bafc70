package coursekit.grading;

import com.google.gson.JsonObject;
import coursekit.kernel.run.NotebookFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers in words: a Markdown cell whose first line is {@code **Answer (NAME):**} holds the answer to the
 * written question NAME, the rest of its text. The grader collects them for the instructor (into the feedback
 * and {@code manual.csv}) and scores none; the release keeps the marker and replaces the instructor's own
 * answer with a placeholder.
 */
final class WrittenAnswers {

    static final String PLACEHOLDER = "_Write your answer here._";
    /** What one answer may hold; the rest is cut with a note, so that a pasted essay does not swamp the reports. */
    static final int MAX_CHARACTERS = 4000;

    private static final Pattern MARKER = Pattern.compile("\\*\\*Answer \\(([A-Za-z0-9_-]{1,40})\\):\\*\\*[ \\t]*(.*)");

    private WrittenAnswers() {}

    /** The written answers of {@code notebook} by name, in the notebook's order; a name's first cell counts. */
    static Map<String, String> of(NotebookFile notebook) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (JsonObject cell : notebook.cells()) {
            if (!isMarkdown(cell)) {
                continue;
            }
            String source = NotebookFile.source(cell);
            String name = name(source);
            if (name != null && !answers.containsKey(name)) {
                answers.put(name, text(source));
            }
        }
        return answers;
    }

    /**
     * The written answers in the file {@code notebook}; none when it cannot be read (the grade's note already
     * says why), since an answer in words never decides a score.
     */
    static Map<String, String> of(Path notebook) {
        try {
            if (!Files.isRegularFile(notebook) || Files.size(notebook) > Assignment.MAX_NOTEBOOK_BYTES) {
                return Map.of();
            }
            return of(NotebookFile.read(notebook));
        } catch (IOException | RuntimeException unreadable) {
            return Map.of();
        }
    }

    /** The question a Markdown cell answers, or {@code null} when its first line is not a marker. */
    static String name(String markdown) {
        Matcher m = MARKER.matcher(firstLine(markdown));
        return m.matches() ? m.group(1) : null;
    }

    /** A cell's answer: what follows the marker, trimmed and cut to {@link #MAX_CHARACTERS}; empty for the placeholder. */
    static String text(String markdown) {
        Matcher m = MARKER.matcher(firstLine(markdown));
        String rest = markdown.strip();
        int newline = rest.indexOf('\n');
        String answer = ((m.matches() ? m.group(2) : "") + (newline < 0 ? "" : "\n" + rest.substring(newline + 1))).strip();
        if (answer.equals(PLACEHOLDER)) {
            return "";
        }
        return answer.length() <= MAX_CHARACTERS ? answer
                : answer.substring(0, MAX_CHARACTERS) + " [... " + (answer.length() - MAX_CHARACTERS) + " more characters not shown]";
    }

    /** The student's version of a marked cell: the marker, then the placeholder. */
    static String blank(String markdown) {
        return "**Answer (" + name(markdown) + "):** " + PLACEHOLDER;
    }

    static boolean isMarkdown(JsonObject cell) {
        return cell.has("cell_type") && cell.get("cell_type").isJsonPrimitive() && "markdown".equals(cell.get("cell_type").getAsString());
    }

    private static String firstLine(String markdown) {
        String text = markdown.strip();
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).strip();
    }
}
