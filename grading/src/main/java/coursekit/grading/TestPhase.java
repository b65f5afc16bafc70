package coursekit.grading;

import coursekit.check.TestBody;
import coursekit.check.TestCase;
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

    private static final long STACK_BYTES = 64L << 20;
    private static final long STOP_GRACE_MS = 300;

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
            String why = compiled.problem() == null ? "its code did not run" : compiled.problem();
            return new TestResult(test, false, "does not compile against your code: " + why, seconds(start));
        }
        Throwable[] thrown = new Throwable[1];
        Thread thread = new Thread(Thread.currentThread().getThreadGroup(), () -> {
            try {
                body.run();
            } catch (Throwable t) {
                thrown[0] = t;
            }
        }, "test-" + test.id(), STACK_BYTES);
        thread.setDaemon(true);
        thread.start();
        try {
            thread.join(limit.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            stop(thread);
            return new TestResult(test, false, "did not finish within " + limit.toSeconds() + " s (is there an endless loop?)",
                    seconds(start));
        }
        return thrown[0] == null ? new TestResult(test, true, "", seconds(start))
                : new TestResult(test, false, describe(thrown[0]), seconds(start));
    }

    /** Why a test failed, in words for a student. */
    static String describe(Throwable t) {
        String message = t.getMessage() == null ? "" : t.getMessage().strip();
        String type = t.getClass().getName();
        if (t instanceof AssertionError) {
            return message.isEmpty() ? "an assertion failed" : message;
        }
        if (type.endsWith("SPIResolutionException") || type.endsWith("UnresolvedReferenceException")) {
            return "it uses a definition that is missing or does not compile yet; run the cells above it and fix their errors";
        }
        if (type.endsWith(".CellExit")) {
            return "your code called System.exit, which ends the test (" + message + ")";
        }
        if (t instanceof StackOverflowError) {
            return "your code overflowed the stack (endless recursion?)";
        }
        if (t instanceof OutOfMemoryError) {
            return "your code ran out of memory";
        }
        if (t instanceof UnsupportedOperationException && !message.isEmpty()) {
            return "not written yet: " + message;
        }
        return "your code threw " + type.substring(type.lastIndexOf('.') + 1) + (message.isEmpty() ? "" : ": " + message);
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static void stop(Thread thread) {
        thread.interrupt();
        try {
            thread.join(STOP_GRACE_MS);
            if (thread.isAlive()) {
                thread.stop();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (UnsupportedOperationException laterJava) {
            // Java 20+: the thread runs on; the time limit for the whole submission ends it.
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
