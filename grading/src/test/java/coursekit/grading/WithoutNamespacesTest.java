package coursekit.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where Linux forbids namespaces (a laptop, a Gradescope image), the security manager alone still holds. */
class WithoutNamespacesTest {

    private static final Path MARK = Path.of(System.getProperty("java.io.tmpdir"), "ck-" + UUID.randomUUID());

    @TempDir
    static Path dir;
    static Map<String, Graded> graded;
    static String log;

    @BeforeAll
    static void gradeAll() throws IOException {
        Assignment assignment = Fixtures.assignment(dir);
        Path submissions = Files.createDirectories(dir.resolve("submissions"));
        Fixtures.notebook(submissions.resolve("correct.ipynb"), "int twice(int n) { return 2 * n; }");
        Fixtures.notebook(submissions.resolve("snoop.ipynb"), """
                String found = "";
                for (String p : List.of("%s", "%s")) {
                    try { found += Files.readString(Path.of(p)); } catch (Exception e) { }
                }
                """.formatted(assignment.folder().resolve("tests/q1.jsh"), submissions.resolve("correct.ipynb")),
                "int twice(int n) { return found.contains(\"return 2 * n\") || found.contains(\"SECRET\") ? 2 * n : 0; }");
        Fixtures.notebook(submissions.resolve("escapes.ipynb"), """
                try { Files.writeString(Path.of("%s"), "x"); } catch (Exception e) { }
                try { new ProcessBuilder("sh", "-c", "echo x > %s").start().waitFor(); } catch (Exception e) { }
                try { new java.net.Socket("127.0.0.1", 22).close(); } catch (Exception e) { }
                """.formatted(MARK, MARK), "int twice(int n) { return 0; }");
        Fixtures.notebook(submissions.resolve("reads-its-memory.ipynb"),
                "byte[] mem = Files.readAllBytes(Path.of(\"/proc/self/maps\"));", "int twice(int n) { return 0; }");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Grader grader = new Grader(assignment, submissions, dir.resolve("grades"), 2, Fixtures.limits(), Sandbox.Isolation.NONE,
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        graded = grader.grade().stream().collect(Collectors.toMap(Graded::student, Function.identity()));
        log = printed.toString(StandardCharsets.UTF_8);
    }

    @AfterAll
    static void cleanUp() throws IOException {
        Files.deleteIfExists(MARK);
    }

    @Test
    void theLogWarnsInOneLine() {
        assertTrue(log.lines().anyMatch(l -> l.contains("WARNING: unshare") && l.contains("security manager only")), log);
    }

    @Test
    void aCorrectSubmissionStillEarnsEveryPoint() {
        assertEquals(3, graded.get("correct").total(), String.valueOf(graded.get("correct").failure()));
    }

    @Test
    void hiddenTestsAndClassmatesCannotBeRead() {
        assertEquals(0, graded.get("snoop").total());
    }

    @Test
    void noFileOutsideItsFolderNoProgramNoSocket() {
        assertFalse(Files.exists(MARK), MARK.toString());
    }

    @Test
    void procIsOutOfReach() {
        assertTrue(graded.get("reads-its-memory").cellErrors().get(0).contains("SecurityException"),
                graded.get("reads-its-memory").cellErrors().toString());
    }
}
