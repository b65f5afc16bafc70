package coursekit.check;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Autograded checkpoints in a notebook, as otter-grader's {@code grader.check("q1")}: {@code check("q1")}
 * runs question q1's public tests against what the student has defined so far and prints each result,
 * why it failed and the points; {@code checkAll()} does every question and sums up. The grader runs the
 * same tests, and the hidden ones, the same way.
 *
 * <p>Where tests come from: {@code tests/} beside the notebook (Jupyter and {@code ./kit run} both run cells
 * in the notebook's folder), or the folder named by {@link #load(String)}. A question's tests are the
 * {@code tests/QUESTION.jsh} file, in the format {@link TestFiles} describes.
 *
 * <p>How a test sees the student's code: each test's statements are compiled as one more snippet of the
 * live JShell session, wrapped in a lambda that is handed back here ({@link #hand(String, TestBody)}) and run on a
 * thread of its own with a time limit. So tests call the student's methods and read their variables by
 * name, exactly as a cell would, and a missing or misspelled definition is a compile error reported for
 * that test alone. The session is a {@link Session} that the kernel installs when it starts; lib knows
 * nothing else of the kernel. Compiling tests as snippets was chosen over compiling test classes
 * separately because JShell's definitions live in generated wrapper classes that ordinary Java code cannot
 * name.
 */
public final class Checks {

    private static final AtomicReference<Session> SESSION = new AtomicReference<>();
    private static final AtomicReference<Handed> HANDED = new AtomicReference<>();
    private static final String ASSERTIONS = "import static org.junit.jupiter.api.Assertions.*;";
    private static volatile Path folder = Path.of("tests");
    private static volatile List<TestCase> given;
    private static volatile Duration testLimit = Duration.ofSeconds(30);

    private Checks() {}

    /** Makes {@code session} the one that tests compile in; the Java kernel calls this when it starts. */
    public static void useSession(Session session) {
        SESSION.set(session);
    }

    /** The session tests compile in, or {@code null} outside the kernel (the grader keeps its own copy). */
    public static Session session() {
        return SESSION.get();
    }

    /** Reads tests from {@code testsFolder} from now on (by default {@code tests} in the working folder). */
    public static void load(String testsFolder) {
        Path path = Path.of(testsFolder);
        List<TestCase> tests = TestFiles.read(path);
        folder = path;
        given = null;
        Map<String, Integer> counts = new LinkedHashMap<>();
        tests.stream().filter(t -> !t.hidden()).forEach(t -> counts.merge(t.question(), 1, Integer::sum));
        System.out.println("Checks ready: " + counts.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + " tests)")
                .reduce((a, b) -> a + ", " + b).orElse("no public tests") + ".");
    }

    /** Uses {@code tests} instead of a folder (the grader hands the public tests over this way). */
    public static void useTests(List<TestCase> tests) {
        given = List.copyOf(tests);
    }

    /** The time each test may run before it counts as failed (default 30 s). */
    public static void testTimeout(Duration limit) {
        if (limit.isNegative() || limit.isZero()) {
            throw new CheckException("A test's time limit must be positive, but got " + limit + ".");
        }
        testLimit = limit;
    }

    /**
     * Runs question {@code question}'s public tests and prints each result, why it failed and the points.
     * It returns nothing, so that a cell ending in {@code check("q1")} shows only the report.
     */
    public static void check(String question) {
        List<TestCase> tests = publicTests().stream().filter(t -> t.question().equals(question)).toList();
        if (tests.isEmpty()) {
            List<String> known = publicTests().stream().map(TestCase::question).distinct().toList();
            throw new CheckException("There are no tests for '" + question + "' in " + folder.toAbsolutePath()
                    + "; the questions are " + known + ".");
        }
        print(question, run(tests));
    }

    /** Runs every question's public tests, prints the results and the total. */
    public static void checkAll() {
        List<TestResult> results = run(publicTests());
        Map<String, List<TestResult>> byQuestion = new LinkedHashMap<>();
        results.forEach(r -> byQuestion.computeIfAbsent(r.test().question(), q -> new ArrayList<>()).add(r));
        byQuestion.forEach(Checks::print);
        double earned = results.stream().mapToDouble(TestResult::score).sum();
        double possible = results.stream().mapToDouble(r -> r.test().points()).sum();
        System.out.println("Total: " + Points.format(earned) + " of " + Points.format(possible)
                + " points on the public tests (the grader also runs hidden tests).");
    }

    /**
     * Runs {@code tests} in the installed session, in order, and returns their results; what the grader
     * calls. A test that does not compile, throws or runs out of time fails with a sentence saying so.
     */
    public static List<TestResult> run(List<TestCase> tests) {
        return run(SESSION.get(), tests);
    }

    /** {@link #run(List)} in {@code session}: the grader passes the session it took before any submitted code ran. */
    public static List<TestResult> run(Session session, List<TestCase> tests) {
        if (session == null) {
            throw new CheckException("Checks run inside the coursekit Java kernel (Jupyter, or ./kit run); this JVM has no"
                    + " notebook session to compile the tests in.");
        }
        String importError = session.evaluate(ASSERTIONS);
        if (importError != null) {
            throw new CheckException("JUnit's assertions are not on the class path (" + importError + "); reinstall the kernel.");
        }
        List<TestResult> results = new ArrayList<>();
        for (TestCase test : tests) {
            results.add(TestRun.run(session, test, testLimit));
        }
        return results;
    }

    /**
     * Receives a test's compiled body from its snippet; only the code that {@link #run(List)} generates
     * calls this. The token is new for every test, so a body handed by other code is not taken for it.
     */
    public static void hand(String token, TestBody body) {
        HANDED.set(new Handed(token, body));
    }

    /** The body handed over with {@code token} since the last call, or {@code null}. */
    static TestBody takeHanded(String token) {
        Handed handed = HANDED.getAndSet(null);
        return handed != null && handed.token().equals(token) ? handed.body() : null;
    }

    private record Handed(String token, TestBody body) {}

    private static List<TestCase> publicTests() {
        List<TestCase> tests = given;
        return (tests != null ? tests : TestFiles.read(folder)).stream().filter(t -> !t.hidden()).toList();
    }

    private static void print(String question, List<TestResult> results) {
        double earned = results.stream().mapToDouble(TestResult::score).sum();
        double possible = results.stream().mapToDouble(r -> r.test().points()).sum();
        System.out.println(question + ": " + Points.format(earned) + " of " + Points.format(possible) + " points");
        for (TestResult result : results) {
            System.out.println("  " + result.line());
        }
    }
}
