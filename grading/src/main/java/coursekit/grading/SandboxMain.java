package coursekit.grading;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import coursekit.check.Checks;
import coursekit.check.TestCase;
import coursekit.check.TestResult;
import coursekit.kernel.eval.CellResult;
import coursekit.kernel.eval.Evaluator;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The grader's side of one submission, in a JVM of its own: connects to the grader's {@link ResultChannel},
 * reads the {@link Job} from standard input, installs the {@link SandboxPolicy}, runs the submission's cells
 * with the kernel's headless evaluator, stops every thread they left, sets aside definitions that would
 * take a name the tests use, runs the tests and sends the report on the channel.
 *
 * <p>Everything that decides the grade (the channel, the job with the hidden tests, the evaluator, each
 * test's body and outcome) is held in local variables of this class's methods, never in a field or a
 * static, so that submitted code has no reference through which reflection could reach it; the JDK's own
 * objects that hold them (threads, channels) are closed to reflection by the module system, and the
 * sandbox leaves out the modules that could read the heap from the side (see {@link Sandbox}).
 */
public final class SandboxMain {

    /** Text kept per cell; a submission that prints more gets the rest counted, not stored. */
    static final int CELL_OUTPUT_CHARS = 4000;

    private SandboxMain() {}

    /** {@code args[0]}: the result socket; then the job, length first, on standard input. */
    public static void main(String[] args) throws IOException {
        OutputStream result = ResultChannel.connect(Path.of(args[0]));
        DataInputStream in = new DataInputStream(new FileInputStream(FileDescriptor.in));
        byte[] text = new byte[in.readInt()];
        in.readFully(text);
        Job job = Job.fromJson(new String(text, StandardCharsets.UTF_8));
        System.setIn(new ByteArrayInputStream(new byte[0]));
        watchGrader(in);
        if (SandboxPolicy.supported() && Boolean.getBoolean("coursekit.sandbox.policy")) {
            installPolicy();
        }
        JsonObject report = grade(job);
        result.write(report.toString().getBytes(StandardCharsets.UTF_8));
        result.close();
        // Threads a submission left running must not keep this JVM alive.
        Runtime.getRuntime().halt(0);
    }

    private static JsonObject grade(Job job) {
        JsonObject report = new JsonObject();
        JsonArray cells = new JsonArray();
        report.add("cells", cells);
        // A cell's check("q1") runs nothing here (its lines say the code did not run); only the tests after the last cell count.
        Checks.useTests(job.tests().stream().filter(t -> !t.hidden()).toList());
        Checks.useSession(code -> null);
        try (Evaluator evaluator = Evaluator.builder().timeout(Duration.ofSeconds(job.cellSeconds())).mavenOffline(true)
                .answersChecks(false).build()) {
            Set<Thread> ours = Threads.snapshot();
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
            int running = Threads.stopAllBut(ours);
            JsonArray notes = new JsonArray();
            if (running > 0) {
                notes.add(running + " thread(s) of the notebook would not stop before the tests");
            }
            for (String name : evaluator.drop(Set.copyOf(job.reserved()), Set.copyOf(job.importable()))) {
                notes.add("your definition of " + name + " was set aside: the tests use that name for their own");
            }
            report.add("notes", notes);
            List<TestResult> results = TestPhase.run(evaluator, job.tests(), Duration.ofSeconds(job.testSeconds()));
            report.add("tests", tests(results));
        } catch (Throwable t) {
            report.addProperty("failure", "the grader could not run the tests: " + t);
        }
        return report;
    }

    private static JsonArray tests(List<TestResult> results) {
        JsonArray tests = new JsonArray();
        for (TestResult r : results) {
            JsonObject test = new JsonObject();
            TestCase t = r.test();
            test.addProperty("id", t.id());
            test.addProperty("passed", r.passed());
            test.addProperty("message", r.message());
            test.addProperty("seconds", r.seconds());
            tests.add(test);
        }
        return tests;
    }

    /** Ends this JVM when the grader goes away (its end of standard input closes), even if it was killed. */
    private static void watchGrader(InputStream in) {
        Thread watch = new Thread(() -> {
            try {
                while (in.read() >= 0) {
                    // The grader sends nothing more; only the end matters.
                }
            } catch (IOException closed) {
                // Closed or broken: the same.
            }
            Runtime.getRuntime().halt(70);
        }, "grader-watch");
        watch.setDaemon(true);
        watch.start();
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static void installPolicy() {
        System.setSecurityManager(new SandboxPolicy());
    }
}
