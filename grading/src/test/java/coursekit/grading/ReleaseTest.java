package coursekit.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseTest {

    @TempDir
    Path dir;

    private Sandbox sandbox(Assignment assignment) {
        Grader.Limits l = Fixtures.limits();
        return new Sandbox(Sandbox.Isolation.detect(), l.memory(), l.total(), l.maxOutputBytes(),
                dir.resolve("scratch"));
    }

    @Test
    void aSolutionBecomesAStubThatThrowsItsHint() {
        String released = Release.stripSolutions("""
                int twice(int n) {
                    // BEGIN SOLUTION hint: return n doubled
                    return 2 * n;
                    // END SOLUTION
                }""", "cell 1");
        assertEquals("""
                int twice(int n) {
                    throw new UnsupportedOperationException("return n doubled");
                }""", released);
    }

    @Test
    void anUnclosedSolutionIsRefusedWithItsCell() {
        GradingException e = assertThrows(GradingException.class,
                () -> Release.stripSolutions("// BEGIN SOLUTION\nint x = 1;", "doubling cell 3"));
        assertEquals("doubling cell 3: // BEGIN SOLUTION is never closed; add a line // END SOLUTION.", e.getMessage());
    }

    @Test
    void aReleaseHasNoSolutionsNoHiddenTestsAndNoOutputs() throws IOException {
        Assignment assignment = Fixtures.assignment(dir);
        Path out = dir.resolve("release");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Release.release(assignment, out, sandbox(assignment), Fixtures.limits(), new PrintStream(log, true, StandardCharsets.UTF_8));
        String notebook = Files.readString(out.resolve("doubling.ipynb"));
        assertFalse(notebook.contains("return 2 * n"), notebook);
        assertTrue(notebook.contains("throw new UnsupportedOperationException(\\\"return n doubled\\\")"), notebook);
        assertTrue(notebook.contains("\"outputs\": []"), notebook);
        String tests = Files.readString(out.resolve("tests/q1.jsh"));
        assertTrue(tests.contains("//# test doubles points=2"), tests);
        assertFalse(tests.contains("negatives"), tests);
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("The source earned 3 of 3 points; the release earned 0."), log.toString());
    }

    @Test
    void aTestThatPassesWithoutTheSolutionMakesTheReleaseFail() throws IOException {
        Assignment sound = Fixtures.assignment(dir);
        Files.writeString(sound.folder().resolve("tests/q1.jsh"), Fixtures.PUBLIC_TESTS + """
                //# test always
                assertTrue(true);
                """);
        Assignment unsound = Assignment.open(sound.folder());
        Path out = dir.resolve("release");
        GradingException e = assertThrows(GradingException.class, () -> Release.release(unsound, out, sandbox(unsound),
                Fixtures.limits(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("the released notebook passes q1/always without the solution"), e.getMessage());
        assertFalse(Files.exists(out));
    }
}
