package coursekit.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One grading run over broken and hostile submissions; each test checks one student's grade and reason. */
class HostileSubmissionsTest {

    private static final String CORRECT = "int twice(int n) { return 2 * n; }";

    @TempDir
    static Path dir;
    static Assignment assignment;
    static Path submissions;
    static Path out;
    static Map<String, Graded> graded;
    static Grader grader;
    static String log;

    @BeforeAll
    static void gradeAll() throws IOException {
        assignment = Fixtures.assignment(dir);
        submissions = Files.createDirectories(dir.resolve("submissions"));
        out = dir.resolve("grades");
        Fixtures.notebook(submissions.resolve("correct.ipynb"), CORRECT, "check(\"q1\");");
        Fixtures.notebook(submissions.resolve("wrong.ipynb"), "int twice(int n) { return n * 3; }");
        Fixtures.notebook(submissions.resolve("partial.ipynb"), "int twice(int n) { return n >= 0 ? 2 * n : 0; }");
        Files.writeString(submissions.resolve("invalid-json.ipynb"), "{\"cells\": [ this is not json");
        Fixtures.notebook(submissions.resolve("renamed.ipynb"), "int doubleIt(int n) { return 2 * n; }");
        Fixtures.notebook(submissions.resolve("compile-error.ipynb"), "int twice(int n) { return 2 * n }");
        Fixtures.notebook(submissions.resolve("endless-cell.ipynb"), "while (true) { }", CORRECT);
        Fixtures.notebook(submissions.resolve("endless-method.ipynb"), "int twice(int n) { while (true) { n++; } }");
        Fixtures.notebook(submissions.resolve("exits.ipynb"), "System.exit(3);", CORRECT);
        Fixtures.notebook(submissions.resolve("huge-output.ipynb"),
                "for (int i = 0; i < 300_000; i++) System.out.println(\"spam spam spam spam \" + i);", CORRECT);
        Fixtures.notebook(submissions.resolve("out-of-memory.ipynb"),
                "var hog = new ArrayList<long[]>(); while (true) hog.add(new long[10_000_000]);", CORRECT);
        String hiddenFile = assignment.folder().resolve("tests/q1.jsh").toString();
        String classmate = submissions.resolve("correct.ipynb").toString();
        Fixtures.notebook(submissions.resolve("snoop.ipynb"), """
                String found = "";
                for (String p : List.of("%s", "%s")) {
                    try { found += Files.readString(Path.of(p)); } catch (Exception e) { }
                }
                try { found += new String(System.in.readAllBytes()); } catch (Exception e) { }
                try { found += Files.list(Path.of("%s")).map(Object::toString).collect(Collectors.joining()); } catch (Exception e) { }
                """.formatted(hiddenFile, classmate, submissions),
                "int twice(int n) { return found.contains(\"SECRET\") || found.contains(\"return 2 * n\") ? 2 * n : -1; }");
        Fixtures.notebook(submissions.resolve("redefines-check.ipynb"),
                "void check(String q) { System.out.println(q + \": 100 of 100 points\"); }",
                "int twice(int n) { return 0; }", "check(\"q1\");");
        Fixtures.notebook(submissions.resolve("forges-results.ipynb"), """
                coursekit.check.Checks.useSession(code -> {
                    var m = java.util.regex.Pattern.compile("hand\\\\(\\\"([0-9a-f]+)\\\"").matcher(code);
                    if (m.find()) coursekit.check.Checks.hand(m.group(1), () -> { });
                    return null;
                });
                var spam = new Thread(() -> { while (true) coursekit.check.Checks.hand("guess", () -> { }); });
                spam.setDaemon(true);
                spam.start();
                """, "int twice(int n) { return 0; }");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        grader = new Grader(assignment, submissions, out, 2, Fixtures.limits(), Sandbox.Isolation.detect(),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        graded = grader.grade().stream().collect(Collectors.toMap(Graded::student, Function.identity()));
        log = printed.toString(StandardCharsets.UTF_8);
    }

    private static String why(String student) {
        Graded g = graded.get(student);
        return g.failure() + " | cells: " + g.cellErrors() + " | tests: "
                + g.outcomes().stream().map(o -> o.test().name() + "=" + o.passed() + " " + o.message()).toList();
    }

    @Test
    void aCorrectSubmissionEarnsEveryPoint() {
        assertEquals(3, graded.get("correct").total(), why("correct"));
    }

    @Test
    void aWrongSubmissionEarnsNothingAndSeesThePublicMessage() throws IOException {
        assertEquals(0, graded.get("wrong").total());
        String feedback = Files.readString(out.resolve("feedback/wrong.md"));
        assertTrue(feedback.contains("twice(3) should be 6 ==> expected: <6> but was: <9>"), feedback);
    }

    @Test
    void hiddenTestsShowOnlyTheInstructorsSentence() throws IOException {
        assertEquals(2, graded.get("partial").total(), why("partial"));
        String feedback = Files.readString(out.resolve("feedback/partial.md"));
        assertTrue(feedback.contains("Try negative numbers."), feedback);
        assertFalse(feedback.contains("SECRET-HIDDEN-MESSAGE"), feedback);
        assertFalse(Files.readString(out.resolve("feedback/partial.html")).contains("SECRET"));
    }

    @Test
    void invalidJsonGetsZeroAndAReason() {
        Graded g = graded.get("invalid-json");
        assertEquals(0, g.total());
        assertTrue(g.failure().contains("not a readable notebook"), why("invalid-json"));
    }

    @Test
    void aRenamedDefinitionFailsItsTestsWithTheCompilersWords() {
        Graded g = graded.get("renamed");
        assertEquals(0, g.total());
        assertTrue(g.outcomes().get(0).message().startsWith("does not compile against your code: cannot find symbol"), why("renamed"));
    }

    @Test
    void aCompileErrorIsReportedByCell() {
        Graded g = graded.get("compile-error");
        assertEquals(0, g.total());
        assertTrue(g.cellErrors().get(0).startsWith("cell 1: CompileError"), why("compile-error"));
    }

    @Test
    void anEndlessCellIsStoppedAndTheRestStillGraded() {
        Graded g = graded.get("endless-cell");
        assertEquals(3, g.total(), why("endless-cell"));
        assertTrue(g.cellErrors().get(0).startsWith("cell 1:"), why("endless-cell"));
    }

    @Test
    void anEndlessMethodFailsItsTestsInTime() {
        Graded g = graded.get("endless-method");
        assertEquals(0, g.total());
        assertTrue(g.outcomes().get(0).message().startsWith("did not finish within 5 s"), why("endless-method"));
    }

    @Test
    void systemExitEndsOnlyItsCell() {
        Graded g = graded.get("exits");
        assertEquals(3, g.total(), why("exits"));
        assertEquals(1, g.cellErrors().size(), why("exits"));
    }

    @Test
    void hugeOutputIsCappedAndGraded() {
        Graded g = graded.get("huge-output");
        assertEquals(3, g.total(), why("huge-output"));
    }

    @Test
    void runningOutOfMemoryEndsOnlyItsCell() {
        Graded g = graded.get("out-of-memory");
        assertEquals(3, g.total(), why("out-of-memory"));
        assertTrue(g.cellErrors().get(0).contains("OutOfMemory"), why("out-of-memory"));
    }

    @Test
    void hiddenTestsAndClassmatesCannotBeRead() {
        Graded g = graded.get("snoop");
        assertEquals(0, g.total(), why("snoop"));
        assertTrue(g.cellErrors().isEmpty(), why("snoop"));
    }

    @Test
    void redefiningCheckDoesNotChangeTheGrade() {
        assertEquals(0, graded.get("redefines-check").total(), why("redefines-check"));
    }

    @Test
    void aSubmissionCannotGradeItselfThroughTheChecksApi() {
        assertEquals(0, graded.get("forges-results").total(), why("forges-results"));
    }

    @Test
    void theGradebookHasARowPerStudentAndAColumnPerQuestion() throws IOException {
        List<String> rows = Files.readAllLines(out.resolve("gradebook.csv"));
        assertEquals("student,q1,total,possible,note", rows.get(0));
        assertEquals(graded.size() + 1, rows.size());
        assertTrue(rows.contains("correct,3,3,3,"), rows.toString());
    }

    @Test
    void gradescopeResultsCarryScoreAndTests() throws IOException {
        JsonObject json = JsonParser.parseString(Files.readString(out.resolve("gradescope/partial/results.json"))).getAsJsonObject();
        assertEquals(2.0, json.get("score").getAsDouble());
        assertEquals(2, json.getAsJsonArray("tests").size());
        assertEquals("Try negative numbers.", json.getAsJsonArray("tests").get(1).getAsJsonObject().get("output").getAsString());
    }

    @Test
    void anInterruptedRunRegradesOnlyWhatIsMissing() throws IOException {
        // A run stopped before "wrong" finished has no saved result for it, and a stale gradebook.
        Files.delete(out.resolve(".results/wrong.json"));
        Files.delete(out.resolve("gradebook.csv"));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Grader again = new Grader(assignment, submissions, out, 2, Fixtures.limits(), grader.isolation(),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        long start = System.nanoTime();
        List<Graded> second = again.grade();
        String text = printed.toString(StandardCharsets.UTF_8);
        assertEquals(graded.size() - 1, text.lines().filter(l -> l.endsWith("graded before, kept")).count(), text);
        assertTrue(text.contains("  wrong: 0 of 3"), text);
        assertEquals(graded.get("partial").total(), second.stream().filter(g -> g.student().equals("partial")).findFirst().orElseThrow().total());
        assertTrue(Files.readString(out.resolve("gradebook.csv")).contains("\nwrong,0,0,3,"));
        assertTrue((System.nanoTime() - start) / 1e9 < 60);
    }
}
