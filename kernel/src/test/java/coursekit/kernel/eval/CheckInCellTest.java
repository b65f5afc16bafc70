package coursekit.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import coursekit.kernel.testing.RecordingOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckInCellTest {

    private static Evaluator evaluator;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws IOException {
        Files.writeString(dir.resolve("q1.jsh"), """
                //# test doubles points=2
                assertEquals(6, twice(3), "twice(3) should be 6");
                //# test doubles-negatives
                assertEquals(-4, twice(-2));
                """);
        evaluator = Evaluator.builder().mavenOffline(true).build();
    }

    @AfterAll
    static void stop() {
        evaluator.close();
    }

    private static String cell(String code) {
        RecordingOutput output = new RecordingOutput();
        CellResult result = evaluator.evaluate(code, output);
        assertTrue(result.ok(), () -> result.error().text());
        return output.stdout();
    }

    private static void loadTheTests() {
        cell("Checks.load(\"" + dir.toString().replace("\\", "\\\\") + "\");");
    }

    @Test
    void checkSeesTheCellsDefinitionsAndPrintsPoints() {
        loadTheTests();
        cell("int twice(int n) { return n + n; }");
        String printed = cell("check(\"q1\");");
        assertTrue(printed.contains("q1: 3 of 3 points"), printed);
    }

    @Test
    void checkReportsAWrongDefinitionWithTheTestsMessage() {
        loadTheTests();
        cell("int twice(int n) { return n * 3; }");
        String printed = cell("checkAll();");
        assertTrue(printed.contains("FAIL  doubles (0/2): twice(3) should be 6 ==> expected: <6> but was: <9>"), printed);
        assertTrue(printed.contains("Total: 0 of 3 points"), printed);
    }

    @Test
    void anEvaluatorStartedLaterThatAnswersNoChecksLeavesThemToTheNotebook() {
        // The kernel's warm-up evaluator starts after the notebook's and lives beside it.
        try (Evaluator warmup = Evaluator.builder().mavenOffline(true).answersChecks(false).build()) {
            loadTheTests();
            cell("int twice(int n) { return 2 * n; }");
            String printed = cell("check(\"q1\");");
            assertTrue(printed.contains("q1: 3 of 3 points"), printed);
        }
    }
}
