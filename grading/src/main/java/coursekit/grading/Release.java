package coursekit.grading;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import coursekit.check.Points;
import coursekit.check.TestCase;
import coursekit.io.AtomicFiles;
import coursekit.kernel.run.NotebookFile;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Makes the student version of an assignment, as nbgrader's "generate assignment": every
 * {@code // BEGIN SOLUTION} ... {@code // END SOLUTION} region becomes a line that throws with the hint
 * written after {@code BEGIN SOLUTION}, a written answer ({@link WrittenAnswers}) becomes a placeholder,
 * outputs are cleared, hidden tests are left out; and before anything
 * is written, proves the assignment sound by grading the source (it must earn every point) and the
 * released notebook (it must fail every test not marked {@code independent}).
 */
final class Release {

    static final String BEGIN = "// BEGIN SOLUTION";
    static final String END = "// END SOLUTION";

    private Release() {}

    /** The released notebook's text from the source notebook; the source is not changed. */
    static NotebookFile strip(NotebookFile source, String name) {
        NotebookFile copy;
        try {
            Path temp = Files.createTempFile("release-", ".ipynb");
            Files.writeString(temp, source.text(), StandardCharsets.UTF_8);
            copy = NotebookFile.read(temp);
            Files.delete(temp);
        } catch (IOException e) {
            throw new GradingException("Cannot copy the source notebook: " + e.getMessage());
        }
        int index = 0;
        for (JsonObject cell : copy.cells()) {
            index++;
            if (cell.has("cell_type") && "code".equals(cell.get("cell_type").getAsString())) {
                cell.addProperty("source", stripSolutions(NotebookFile.source(cell), name + " cell " + index));
                cell.add("outputs", new JsonArray());
                cell.add("execution_count", JsonNull.INSTANCE);
            } else if (WrittenAnswers.isMarkdown(cell) && WrittenAnswers.name(NotebookFile.source(cell)) != null) {
                cell.addProperty("source", WrittenAnswers.blank(NotebookFile.source(cell)));
            }
        }
        return copy;
    }

    /** {@code code} with each solution region replaced by a line that throws with its hint. */
    static String stripSolutions(String code, String where) {
        StringBuilder out = new StringBuilder();
        boolean inside = false;
        for (String line : code.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith(BEGIN)) {
                if (inside) {
                    throw new GradingException(where + ": a " + BEGIN + " inside another; close the first with " + END + ".");
                }
                inside = true;
                String hint = trimmed.substring(BEGIN.length()).replaceFirst("^[\\s:]+", "").replaceFirst("^(?i)hint:\\s*", "");
                String indent = line.substring(0, line.indexOf('/'));
                out.append(indent).append("throw new UnsupportedOperationException(\"")
                        .append(escape(hint.isEmpty() ? "write your code here" : hint)).append("\");\n");
            } else if (trimmed.startsWith(END)) {
                if (!inside) {
                    throw new GradingException(where + ": " + END + " without a " + BEGIN + " before it.");
                }
                inside = false;
            } else if (!inside) {
                out.append(line).append('\n');
            }
        }
        if (inside) {
            throw new GradingException(where + ": " + BEGIN + " is never closed; add a line " + END + ".");
        }
        return out.substring(0, Math.max(0, out.length() - 1));
    }

    /** The public tests as test files, one per question. */
    static Map<String, String> publicTestFiles(List<TestCase> tests) {
        Map<String, StringBuilder> files = new LinkedHashMap<>();
        for (TestCase t : tests) {
            if (t.hidden()) {
                continue;
            }
            StringBuilder file = files.computeIfAbsent(t.question(), q -> new StringBuilder());
            file.append("//# test ").append(t.name()).append(" points=").append(Points.format(t.points()))
                    .append(t.independent() ? " independent" : "").append('\n').append(t.code()).append('\n');
        }
        Map<String, String> texts = new LinkedHashMap<>();
        files.forEach((q, text) -> texts.put(q + ".jsh", text.toString()));
        return texts;
    }

    /** Checks the assignment, then writes {@code out/NAME.ipynb} and {@code out/tests/}. */
    static void release(Assignment assignment, Path out, Sandbox sandbox, Grader.Limits limits, PrintStream log) throws IOException {
        NotebookFile source;
        try {
            source = NotebookFile.read(assignment.source());
        } catch (IOException e) {
            throw new GradingException(e.getMessage());
        }
        NotebookFile released = strip(source, assignment.name());
        log.println("Checking that the source earns every point...");
        Graded full = grade(sandbox, limits, assignment, "source", source);
        List<String> problems = new ArrayList<>();
        for (Graded.Outcome o : full.outcomes()) {
            if (!o.passed()) {
                problems.add("the source fails " + o.test().id() + ": " + o.message());
            }
        }
        log.println("Checking that the released stubs earn nothing...");
        Graded stubs = grade(sandbox, limits, assignment, "release", released);
        for (Graded.Outcome o : stubs.outcomes()) {
            if (o.passed() && !o.test().independent()) {
                problems.add("the released notebook passes " + o.test().id()
                        + " without the solution (mark it independent, or make it need the solution)");
            }
        }
        if (!problems.isEmpty()) {
            throw new GradingException("The assignment " + assignment.name() + " is not sound, so nothing was released: "
                    + String.join("; ", problems) + ".");
        }
        released.write(out.resolve(assignment.name() + ".ipynb"));
        Path tests = out.resolve("tests");
        if (Files.isDirectory(tests)) {
            try (Stream<Path> old = Files.list(tests)) {
                for (Path file : old.filter(f -> f.toString().endsWith(".jsh")).toList()) {
                    Files.delete(file);
                }
            }
        }
        for (Map.Entry<String, String> file : publicTestFiles(assignment.tests()).entrySet()) {
            AtomicFiles.write(tests.resolve(file.getKey()), file.getValue().getBytes(StandardCharsets.UTF_8));
        }
        long hidden = assignment.tests().stream().filter(TestCase::hidden).count();
        log.println("Released " + out.resolve(assignment.name() + ".ipynb") + " and " + (assignment.tests().size() - hidden)
                + " public tests (" + hidden + " hidden kept back). The source earned "
                + Points.format(full.total()) + " of " + Points.format(assignment.possible()) + " points; the release earned "
                + Points.format(stubs.total()) + ".");
    }

    private static Graded grade(Sandbox sandbox, Grader.Limits limits, Assignment assignment, String label, NotebookFile notebook)
            throws IOException {
        List<String> cells = new ArrayList<>();
        for (JsonObject cell : notebook.cells()) {
            if (cell.has("cell_type") && "code".equals(cell.get("cell_type").getAsString())) {
                cells.add(NotebookFile.source(cell));
            }
        }
        Job job = new Job(limits.cell().toSeconds(), limits.test().toSeconds(), cells, assignment.tests(), assignment.reserved());
        Sandbox.Outcome outcome = sandbox.run(job, label);
        if (outcome.report() == null) {
            throw new GradingException("The " + label + " notebook of " + assignment.name() + " could not be run: " + outcome.failure() + ".");
        }
        Graded graded = Graded.of(label, assignment.tests(), outcome.report(), outcome.seconds());
        if (label.equals("source") && !graded.cellErrors().isEmpty()) {
            throw new GradingException("The source notebook of " + assignment.name() + " has failing cells: "
                    + String.join("; ", graded.cellErrors()) + ".");
        }
        return graded;
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
