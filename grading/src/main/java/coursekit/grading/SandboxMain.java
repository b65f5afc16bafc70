package coursekit.grading;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import coursekit.check.Checks;
import coursekit.check.Session;
import coursekit.check.TestResult;
import coursekit.kernel.eval.CellResult;
import coursekit.kernel.eval.Evaluator;
import java.io.ByteArrayInputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The grader's side of one submission, in a JVM of its own: reads the {@link Job} from standard input,
 * runs the submission's cells with the kernel's headless evaluator, then the tests, and prints one result
 * line that starts with the job's secret word.
 *
 * <p>The whole job, hidden tests included, is read and standard input closed before any submitted cell
 * runs, so the tests never exist as a file the submission could open, and a cell cannot read them from
 * standard input.
 */
public final class SandboxMain {

    /** Text kept per cell; a submission that prints more gets the rest counted, not stored. */
    static final int CELL_OUTPUT_CHARS = 4000;

    private SandboxMain() {}

    public static void main(String[] args) throws IOException {
        // Taken before any submitted code runs, so that a cell that replaces System.out cannot hide the result.
        PrintStream result = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        Job job = Job.fromJson(new String(System.in.readAllBytes(), StandardCharsets.UTF_8));
        System.in.close();
        System.setIn(new ByteArrayInputStream(new byte[0]));
        JsonObject report = new JsonObject();
        JsonArray cells = new JsonArray();
        report.add("cells", cells);
        // A submission's own check("q1") calls run the public tests, as in the notebook; hidden ones wait.
        Checks.useTests(job.tests().stream().filter(t -> !t.hidden()).toList());
        try (Evaluator evaluator = Evaluator.builder().timeout(Duration.ofSeconds(job.cellSeconds())).mavenOffline(true).build()) {
            // Taken before submitted code runs: a cell that installs a session of its own cannot grade itself.
            Session session = Checks.session();
            int number = 0;
            for (String code : job.cells()) {
                number++;
                CappedOutput output = new CappedOutput(CELL_OUTPUT_CHARS);
                CellResult outcome = evaluator.evaluate(code, output, number);
                JsonObject cell = new JsonObject();
                cell.addProperty("cell", number);
                cell.addProperty("ok", outcome.ok());
                if (!outcome.ok()) {
                    cell.addProperty("error", outcome.error().name() + ": " + outcome.error().value());
                }
                cell.addProperty("output", output.text());
                cells.add(cell);
            }
            // An empty cell clears a time-out left by the last cell, so the tests' snippets may run.
            evaluator.evaluate("", new CappedOutput(0), number + 1);
            Checks.testTimeout(Duration.ofSeconds(job.testSeconds()));
            List<TestResult> results = Checks.run(session, job.tests());
            JsonArray tests = new JsonArray();
            for (TestResult r : results) {
                JsonObject test = new JsonObject();
                test.addProperty("id", r.test().id());
                test.addProperty("passed", r.passed());
                test.addProperty("message", r.message());
                test.addProperty("seconds", r.seconds());
                tests.add(test);
            }
            report.add("tests", tests);
        } catch (Throwable t) {
            report.addProperty("failure", "the grader could not run the tests: " + t);
        }
        result.println(job.nonce() + " " + report);
        result.flush();
        // Threads a submission left running must not keep this JVM alive.
        Runtime.getRuntime().halt(0);
    }
}
