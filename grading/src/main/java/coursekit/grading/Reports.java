package coursekit.grading;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import coursekit.check.Points;
import coursekit.io.AtomicFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * What grading writes: {@code gradebook.csv} (a row per student, a column per question, the total),
 * {@code feedback/STUDENT.md} and {@code .html}, Gradescope's {@code gradescope/STUDENT/results.json}, and
 * for an assignment with written questions, {@code manual.csv} with every student's answers.
 * Every file is written atomically. Hidden tests show their name, points and the instructor's
 * {@code feedback} sentence, never their code or assertion message.
 */
final class Reports {

    private Reports() {}

    static void writeAll(Assignment assignment, List<Graded> all, List<Submissions.Entry> entries, Path out) {
        Map<String, Submissions.Entry> byStudent = new java.util.HashMap<>();
        entries.forEach(e -> byStudent.put(e.student(), e));
        Map<String, String> notes = new java.util.HashMap<>();
        entries.stream().filter(e -> e.note() != null).forEach(e -> notes.put(e.student(), e.note()));
        AtomicFiles.write(out.resolve("gradebook.csv"), gradebook(assignment, all, notes).getBytes(StandardCharsets.UTF_8));
        Map<String, Map<String, String>> answers = new java.util.LinkedHashMap<>();
        for (Graded graded : all) {
            Submissions.Entry entry = byStudent.get(graded.student());
            // Only a notebook the listing accepted: a link out of the folder must not bring its text into a report.
            answers.put(graded.student(), assignment.written().isEmpty() || entry == null || entry.problem() != null
                    ? Map.of() : WrittenAnswers.of(entry.notebook()));
        }
        if (!assignment.written().isEmpty()) {
            AtomicFiles.write(out.resolve("manual.csv"), manual(assignment, answers).getBytes(StandardCharsets.UTF_8));
        }
        for (Graded graded : all) {
            Submissions.Entry entry = byStudent.get(graded.student());
            String name = entry != null ? entry.fileName() : Submissions.fileName(graded.student());
            String markdown = feedback(assignment, graded, answers.get(graded.student()));
            AtomicFiles.write(out.resolve("feedback").resolve(name + ".md"), markdown.getBytes(StandardCharsets.UTF_8));
            AtomicFiles.write(out.resolve("feedback").resolve(name + ".html"), html(graded.student(), markdown).getBytes(StandardCharsets.UTF_8));
            AtomicFiles.write(out.resolve("gradescope").resolve(name).resolve("results.json"),
                    gradescope(assignment, graded).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The gradebook; {@code notes} add what the instructor should know about a student's name to its note. */
    static String gradebook(Assignment assignment, List<Graded> all, Map<String, String> notes) {
        StringBuilder csv = new StringBuilder("student");
        Map<String, Double> questions = assignment.questions();
        questions.keySet().forEach(q -> csv.append(',').append(csvField(q)));
        csv.append(",total,possible,note\n");
        for (Graded graded : all) {
            csv.append(csvField(graded.student()));
            Map<String, Double> scores = graded.byQuestion();
            questions.keySet().forEach(q -> csv.append(',').append(Points.format(scores.getOrDefault(q, 0.0))));
            csv.append(',').append(Points.format(graded.total())).append(',').append(Points.format(assignment.possible()))
                    .append(',').append(csvField(note(graded.failure(), notes.get(graded.student())))).append('\n');
        }
        return csv.toString();
    }

    /** The written answers for the instructor to read: a row per student, a column per written question. */
    static String manual(Assignment assignment, Map<String, Map<String, String>> answers) {
        StringBuilder csv = new StringBuilder("student");
        assignment.written().forEach(q -> csv.append(',').append(csvField(q)));
        csv.append('\n');
        answers.forEach((student, theirs) -> {
            csv.append(csvField(student));
            assignment.written().forEach(q -> csv.append(',').append(csvField(theirs.getOrDefault(q, ""))));
            csv.append('\n');
        });
        return csv.toString();
    }

    static String feedback(Assignment assignment, Graded graded, Map<String, String> answers) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(assignment.name()).append(": feedback for ").append(graded.student()).append("\n\n");
        md.append("**Score: ").append(Points.format(graded.total())).append(" of ").append(Points.format(assignment.possible()))
                .append(" points.**\n\n");
        if (graded.failure() != null) {
            md.append("Your notebook could not be graded normally: ").append(graded.failure()).append("\n\n");
        }
        if (!graded.cellErrors().isEmpty()) {
            md.append("Cells that failed when your notebook ran from the top:\n\n");
            graded.cellErrors().forEach(e -> md.append("- ").append(oneLine(e)).append('\n'));
            md.append('\n');
        }
        String question = null;
        for (Graded.Outcome o : graded.outcomes()) {
            if (!o.test().question().equals(question)) {
                question = o.test().question();
                String q = question;
                double earned = graded.outcomes().stream().filter(x -> x.test().question().equals(q)).mapToDouble(Graded.Outcome::score).sum();
                md.append("\n## ").append(q).append(": ").append(Points.format(earned)).append(" of ")
                        .append(Points.format(assignment.questions().get(q))).append("\n\n");
            }
            md.append("- ").append(o.passed() ? "PASS" : "FAIL").append(" `").append(o.test().name()).append('`')
                    .append(o.test().hidden() ? " (hidden test)" : "").append(": ")
                    .append(Points.format(o.score())).append('/').append(Points.format(o.test().points()));
            String message = visibleMessage(o);
            if (!message.isEmpty()) {
                md.append(" - ").append(oneLine(message));
            }
            md.append('\n');
        }
        if (!assignment.written().isEmpty()) {
            md.append("\n## Written answers\n\nYour instructor reads these; they are not part of the score above.\n");
            for (String q : assignment.written()) {
                String answer = answers.getOrDefault(q, "");
                md.append("\n**").append(q).append("**\n\n");
                // Indented, every line: the student's text is shown as it was written and cannot become a heading or a link.
                md.append(answer.isEmpty() ? "    (no answer)" : answer.lines().map(l -> "    " + l).collect(java.util.stream.Collectors.joining("\n")))
                        .append('\n');
            }
        }
        return md.toString();
    }

    /** What a student may read about a failure: everything for public tests, the instructor's words for hidden ones. */
    static String visibleMessage(Graded.Outcome o) {
        if (o.passed()) {
            return "";
        }
        if (!o.test().hidden()) {
            return o.message() == null ? "" : o.message();
        }
        return o.test().feedback() == null ? "" : o.test().feedback();
    }

    /**
     * The feedback page: raw HTML in the Markdown (a student's name, a message their code threw) is shown as
     * text, and links other than http, https and mailto lose their target, so that no script reaches the page.
     */
    static String html(String student, String markdown) {
        String body = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build().render(Parser.builder().build().parse(markdown));
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Feedback: " + escape(student) + "</title>"
                + "<style>body{font-family:sans-serif;max-width:50em;margin:2em auto}code{background:#eee}</style></head><body>\n"
                + body + "</body></html>\n";
    }

    /** Gradescope's autograder results format: a score and one entry per test with its own output. */
    static String gradescope(Assignment assignment, Graded graded) {
        StringBuilder output = new StringBuilder();
        if (graded.failure() != null) {
            output.append(graded.failure()).append('\n');
        }
        graded.cellErrors().forEach(e -> output.append(oneLine(e)).append('\n'));
        JsonArray tests = new JsonArray();
        for (Graded.Outcome o : graded.outcomes()) {
            JsonObject test = new JsonObject();
            test.addProperty("name", o.test().question() + ": " + o.test().name() + (o.test().hidden() ? " (hidden)" : ""));
            test.addProperty("score", o.score());
            test.addProperty("max_score", o.test().points());
            test.addProperty("status", o.passed() ? "passed" : "failed");
            test.addProperty("output", visibleMessage(o));
            // A hidden test's result shows once the instructor publishes the grades, as Gradescope's own hidden tests do.
            test.addProperty("visibility", o.test().hidden() ? "after_published" : "visible");
            tests.add(test);
        }
        return gradescope(graded.total(), Math.round(graded.seconds()), output.toString(), tests);
    }

    /** Gradescope's {@code results.json}: the score, the seconds it took, the output every student sees, and the tests. */
    static String gradescope(double score, long seconds, String output, JsonArray tests) {
        JsonObject json = new JsonObject();
        json.addProperty("score", score);
        json.addProperty("execution_time", seconds);
        json.addProperty("output", output);
        json.addProperty("visibility", "visible");
        json.addProperty("stdout_visibility", "hidden");
        json.add("tests", tests);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(json) + "\n";
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    private static String note(String failure, String listing) {
        if (failure == null) {
            return listing == null ? "" : listing;
        }
        return listing == null ? failure : failure + "; " + listing;
    }

    /**
     * A CSV cell that a spreadsheet shows as text (OWASP's advice on CSV injection): one that starts with
     * {@code = + - @}, a tab or a carriage return gets a leading single quote, and one with a comma, a quote
     * or a line break is quoted.
     */
    static String csvField(String text) {
        String cell = text.replace("\r\n", " ").replace("\n", " ");
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            cell = "'" + cell;
        }
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\r")) {
            return "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
