package coursekit.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an LMS export or a careless student puts in a submissions folder: every input gets its own row and its own files. */
class InputsTest {

    private static final String CORRECT = "int twice(int n) { return 2 * n; }";
    private static final String LONG = "a".repeat(240);
    private static final String FORMULA = "=HYPERLINK(\"evil\")";

    @TempDir
    static Path dir;
    static Path submissions;
    static Path out;
    static Map<String, Graded> graded;
    static List<String> rows;

    @BeforeAll
    static void gradeAll() throws Exception {
        Assignment assignment = Fixtures.assignment(dir);
        submissions = Files.createDirectories(dir.resolve("submissions"));
        out = dir.resolve("grades");
        Path s = submissions;
        Fixtures.notebook(s.resolve("correct.ipynb"), CORRECT);
        Files.writeString(s.resolve("nbformat-string.ipynb"), "{\"cells\": [], \"nbformat\": \"four\"}");
        Files.writeString(s.resolve("nbformat-null.ipynb"), "{\"cells\": [], \"nbformat\": null}");
        Files.write(s.resolve("latin1.ipynb"), "{\"cells\": [], \"nbformat\": 4, \"x\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
        Files.move(Fixtures.notebook(dir.resolve("long.ipynb"), CORRECT), s.resolve(LONG + ".ipynb"));
        Files.createSymbolicLink(s.resolve("link-to-source.ipynb"), assignment.source());
        Files.createSymbolicLink(s.resolve("link-inside.ipynb"), s.resolve("correct.ipynb"));
        Files.createSymbolicLink(s.resolve("escape"), s.resolve(".."));
        Files.createSymbolicLink(s.resolve("dangling.ipynb"), s.resolve("nowhere.ipynb"));
        assertEquals(0, new ProcessBuilder("mkfifo", s.resolve("fifo.ipynb").toString()).start().waitFor());
        Fixtures.notebook(s.resolve("UPPER.IPYNB"), CORRECT);
        Fixtures.notebook(s.resolve("twin.ipynb"), CORRECT);
        Fixtures.notebook(s.resolve("twin.IPYNB"), "int twice(int n) { return 0; }");
        Fixtures.notebook(s.resolve("name collision.ipynb"), CORRECT);
        Fixtures.notebook(s.resolve("name_collision.ipynb"), "int twice(int n) { return 0; }");
        Fixtures.notebook(s.resolve("..ipynb"), CORRECT);
        Fixtures.notebook(s.resolve("...ipynb"), CORRECT);
        Fixtures.notebook(Files.createDirectories(s.resolve("two")).resolve("a.ipynb"), CORRECT);
        Fixtures.notebook(s.resolve("two/b.ipynb"), "int twice(int n) { return 0; }");
        Files.createDirectories(s.resolve("empty"));
        Fixtures.notebook(s.resolve(FORMULA + ".ipynb"), CORRECT);
        Fixtures.notebook(s.resolve("<img src=x onerror=alert(1)>.ipynb"),
                "throw new RuntimeException(\"<script>alert(1)</script> [click](javascript:alert(2))\");", CORRECT);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Grader grader = new Grader(assignment, submissions, out, 2, Fixtures.limits(), Sandbox.Isolation.detect(),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        graded = grader.grade().stream().collect(Collectors.toMap(Graded::student, Function.identity()));
        rows = Files.readAllLines(out.resolve("gradebook.csv"));
    }

    private static String note(String student) {
        Graded g = graded.get(student);
        assertTrue(g != null, "no row for " + student + " in " + graded.keySet());
        return String.valueOf(g.failure());
    }

    @Test
    void everyInputHasItsOwnRow() {
        assertEquals(22, graded.size(), graded.keySet().toString());
        assertEquals(graded.size() + 1, rows.size(), rows.toString());
    }

    @Test
    void aMalformedNbformatIsOneRowWithAReason() {
        assertTrue(note("nbformat-string").contains("nbformat"), note("nbformat-string"));
        assertTrue(note("nbformat-null").contains("nbformat"), note("nbformat-null"));
    }

    @Test
    void aNotebookThatIsNotUtf8IsToldSo() {
        assertTrue(note("latin1").contains("not UTF-8"), note("latin1"));
    }

    @Test
    void aVeryLongNameIsGradedIntoFilesOfAFittingName() throws IOException {
        assertEquals(3, graded.get(LONG).total(), note(LONG));
        try (Stream<Path> files = Files.list(out.resolve("feedback"))) {
            assertTrue(files.allMatch(f -> f.getFileName().toString().length() < 100));
        }
    }

    @Test
    void linksAreFollowedOnlyInsideTheSubmissionsFolder() {
        assertEquals(0, graded.get("link-to-source").total());
        assertTrue(note("link-to-source").contains("outside the submissions folder"), note("link-to-source"));
        assertTrue(note("escape").contains("outside the submissions folder"), note("escape"));
        assertEquals(3, graded.get("link-inside").total(), note("link-inside"));
    }

    @Test
    void danglingLinksAndFifosGetARow() {
        assertTrue(note("dangling").contains("link to nothing"), note("dangling"));
        assertTrue(note("fifo").contains("not a regular file"), note("fifo"));
    }

    @Test
    void theExtensionIsFoundInAnyCase() {
        assertEquals(3, graded.get("UPPER").total(), note("UPPER"));
    }

    @Test
    void twoFilesOfOneNameKeepTwoRowsAndSaySo() {
        assertEquals(3, graded.get("twin").total() + graded.get("twin.ipynb").total());
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("twin.ipynb,") && r.contains("also named twin")), rows.toString());
    }

    @Test
    void namesThatMapToOneFileNameKeepTheirOwnFiles() throws IOException {
        assertEquals(3, graded.get("name collision").total());
        assertEquals(0, graded.get("name_collision").total());
        try (Stream<Path> files = Files.list(out.resolve("gradescope"))) {
            assertEquals(graded.size(), files.count());
        }
        assertTrue(rows.stream().anyMatch(r -> r.contains("gives the same file name")), rows.toString());
    }

    @Test
    void dotNamesWriteInsideTheirOwnFolders() {
        assertEquals(3, graded.get(".").total(), note("."));
        assertEquals(3, graded.get("..").total(), note(".."));
        assertFalse(Files.exists(out.resolve("results.json")));
        assertFalse(Files.exists(out.getParent().resolve("results.json")));
    }

    @Test
    void aFolderWithTwoNotebooksGradesBoth() {
        assertEquals(3, graded.get("two/a").total(), note("two/a"));
        assertEquals(0, graded.get("two/b").total(), note("two/b"));
        assertTrue(note("empty").contains("no notebook"), note("empty"));
    }

    @Test
    void aFormulaInANameStaysText() {
        String row = rows.stream().filter(r -> r.contains("HYPERLINK")).findFirst().orElseThrow();
        assertTrue(row.startsWith("\"'=HYPERLINK(\"\"evil\"\")\",3,"), row);
        assertEquals("'+1", Reports.csvField("+1"));
        assertEquals("'@SUM(A1)", Reports.csvField("@SUM(A1)"));
        assertEquals("'\tx", Reports.csvField("\tx"));
        assertEquals("\"'-1,2\"", Reports.csvField("-1,2"));
        assertEquals("plain", Reports.csvField("plain"));
    }

    @Test
    void feedbackPagesCarryNoScriptAndNoScriptLinks() throws IOException {
        String student = "<img src=x onerror=alert(1)>";
        assertEquals(3, graded.get(student).total(), note(student));
        String name = Submissions.fileName(student);
        String page = Files.readString(out.resolve("feedback").resolve(name + ".html"));
        assertTrue(page.contains("alert(1)"), page);
        assertFalse(page.contains("<script"), page);
        assertFalse(page.contains("<img"), page);
        assertFalse(page.contains("javascript:"), page);
        assertNotEquals(-1, page.indexOf("&lt;script&gt;"), page);
    }
}
