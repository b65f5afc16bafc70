package coursekit.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import coursekit.kernel.run.NotebookFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Answers in words: collected for the instructor, never scored, and the instructor's own never released. */
class WrittenAnswersTest {

    private static final String MODEL_ANSWER = "MODEL-ANSWER: the pretrained filters already detect edges and fur.";
    private static final String HOSTILE = "=HYPERLINK(\"evil\") <script>alert(1)</script>\n## q1: 3 of 3\n[x](javascript:alert(2))";

    @TempDir
    Path dir;

    @Test
    void aMarkerLineNamesTheQuestionAndTheRestIsTheAnswer() {
        assertEquals("why-transfer", WrittenAnswers.name("**Answer (why-transfer):** Because\nof the filters."));
        assertEquals("Because\nof the filters.", WrittenAnswers.text("**Answer (why-transfer):** Because\nof the filters."));
        assertEquals("First line below.", WrittenAnswers.text("**Answer (q5):**\n\nFirst line below.\n"));
        assertEquals("", WrittenAnswers.text(WrittenAnswers.blank("**Answer (q5):** " + MODEL_ANSWER)));
        assertNull(WrittenAnswers.name("Answer (q5): no bold marker"));
        assertNull(WrittenAnswers.name("## q5\n**Answer (q5):** not on the first line"));
        String essay = WrittenAnswers.text("**Answer (q5):** " + "x".repeat(WrittenAnswers.MAX_CHARACTERS + 10));
        assertTrue(essay.endsWith("[... 10 more characters not shown]"), essay.substring(essay.length() - 60));
    }

    @Test
    void theReleaseKeepsTheMarkerAndDropsTheInstructorsAnswer() throws IOException {
        Assignment assignment = assignmentWithAWrittenQuestion();
        assertEquals(List.of("why-transfer"), assignment.written());
        NotebookFile released = Release.strip(NotebookFile.read(assignment.source()), assignment.name());
        assertFalse(released.text().contains("MODEL-ANSWER"), released.text());
        assertTrue(released.text().contains("**Answer (why-transfer):** " + WrittenAnswers.PLACEHOLDER), released.text());
    }

    @Test
    void gradingCollectsEachStudentsAnswerForTheInstructorAndScoresNone() throws IOException {
        Assignment assignment = assignmentWithAWrittenQuestion();
        Path submissions = Files.createDirectories(dir.resolve("submissions"));
        withAnswer(Fixtures.notebook(submissions.resolve("alice.ipynb"), "int twice(int n) { return 2 * n; }"), HOSTILE);
        Fixtures.notebook(submissions.resolve("bob.ipynb"), "int twice(int n) { return 2 * n; }");
        Files.createSymbolicLink(submissions.resolve("link-to-source.ipynb"), assignment.source());
        Path out = dir.resolve("grades");
        new Grader(assignment, submissions, out, 2, Fixtures.limits(), Sandbox.Isolation.detect(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).grade();

        List<String> manual = Files.readAllLines(out.resolve("manual.csv"));
        assertEquals("student,why-transfer", manual.get(0));
        String alice = manual.stream().filter(r -> r.startsWith("alice,")).findFirst().orElseThrow();
        assertTrue(alice.startsWith("alice,\"'=HYPERLINK(\"\"evil\"\")"), "a formula is shown as text: " + alice);
        assertTrue(manual.contains("bob,"), String.join("\n", manual));
        assertFalse(String.join("\n", manual).contains("MODEL-ANSWER"), "a link to the source must not bring in its answer");

        String feedback = Files.readString(out.resolve("feedback/alice.md"));
        assertTrue(feedback.contains("**Score: 3 of 3 points.**"), "a written answer changes no score: " + feedback);
        assertTrue(feedback.contains("\n    ## q1: 3 of 3\n"), "the answer is shown indented, as written: " + feedback);
        String html = Files.readString(out.resolve("feedback/alice.html"));
        assertFalse(html.contains("<script>") || html.contains("href=\"javascript"), html);
        assertTrue(Files.readString(out.resolve("feedback/bob.md")).contains("    (no answer)"));
        assertEquals(Files.readString(out.resolve("gradebook.csv")).lines().count(), manual.size());
    }

    private Assignment assignmentWithAWrittenQuestion() throws IOException {
        Assignment plain = Fixtures.assignment(dir);
        withAnswer(plain.source(), MODEL_ANSWER);
        return Assignment.open(plain.folder());
    }

    /** Adds a written answer cell to the notebook file. */
    private static void withAnswer(Path notebook, String answer) throws IOException {
        NotebookFile file = NotebookFile.read(notebook);
        JsonObject cell = new JsonObject();
        cell.addProperty("cell_type", "markdown");
        cell.add("metadata", new JsonObject());
        cell.addProperty("source", "**Answer (why-transfer):** " + answer);
        file.json().getAsJsonArray("cells").add(cell);
        file.write(notebook);
    }
}
