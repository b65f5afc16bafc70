package coursekit.grading;

import coursekit.check.TestBody;
import coursekit.check.TestCase;
import coursekit.check.TestExecution;
import coursekit.check.TestResult;
import coursekit.kernel.eval.Evaluator;
import coursekit.kernel.eval.SnippetValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the tests in the submission's JShell session once every cell has run: each test's statements are
 * compiled as a lambda whose value comes straight back from the evaluator (never through a field that
 * submitted code could reach or a hand-over it could race), then run on a thread of its own with a time
 * limit. Public tests run before hidden ones, so no message a student reads is made after a hidden test's
 * code exists in the JVM.
 */
final class TestPhase {

    static final String ASSERTIONS = "import static org.junit.jupiter.api.Assertions.*;";
    /** Names the tests' own scaffolding uses, which a submission's definitions may never take. */
    static final List<String> SCAFFOLDING = List.of("coursekit", "check", "TestBody", "org", "junit", "jupiter", "api",
            "Assertions", "java", "javax", "jdk", "lang", "Object", "String", "Throwable");

    private TestPhase() {}

    /** Public tests first, then hidden ones, each in the order of the assignment. */
    static List<TestCase> order(List<TestCase> tests) {
        List<TestCase> ordered = new ArrayList<>(tests.stream().filter(t -> !t.hidden()).toList());
        ordered.addAll(tests.stream().filter(TestCase::hidden).toList());
        return ordered;
    }

    static List<TestResult> run(Evaluator evaluator, List<TestCase> tests, Duration limit) {
        SnippetValue imported = evaluator.valueOf(ASSERTIONS);
        List<TestResult> results = new ArrayList<>();
        for (TestCase test : order(tests)) {
            results.add(imported.problem() != null
                    ? new TestResult(test, false, "the grader could not import JUnit's assertions: " + imported.problem(), 0)
                    : runOne(evaluator, test, limit));
        }
        return results;
    }

    private static TestResult runOne(Evaluator evaluator, TestCase test, Duration limit) {
        long start = System.nanoTime();
        SnippetValue compiled = evaluator.valueOf("(coursekit.check.TestBody) () -> {\n" + test.code() + "\n}");
        if (compiled.problem() != null || !(compiled.value() instanceof TestBody body)) {
            return TestExecution.notCompiled(test, compiled.problem() == null ? "its code did not run" : compiled.problem(), start);
        }
        return TestExecution.run(test, body, limit, start);
    }
}
