package coursekit.kernel.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import coursekit.kernel.testing.SharedEvaluator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotebookRunnerTest {

    private static NotebookRunner.Report run(NotebookFile notebook, boolean allowErrors) {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        return new NotebookRunner(SharedEvaluator.get(), allowErrors, quiet).run(notebook);
    }

    private static JsonArray outputs(NotebookFile notebook, int cell) {
        return notebook.cells().get(cell).getAsJsonArray("outputs");
    }

    @Test
    void everyCodeCellGetsItsOutputsAndExecutionCount() {
        NotebookFile notebook = NotebookFile.of(List.of("int runnerX = 20;", "System.out.println(\"x=\" + runnerX);\nrunnerX * 2"));
        NotebookRunner.Report report = run(notebook, false);
        assertTrue(report.ok());
        assertEquals(1, notebook.cells().get(0).get("execution_count").getAsInt());
        assertEquals(0, outputs(notebook, 0).size());
        JsonObject stream = outputs(notebook, 1).get(0).getAsJsonObject();
        assertEquals("stream", stream.get("output_type").getAsString());
        assertEquals("stdout", stream.get("name").getAsString());
        assertEquals("x=20\n", stream.get("text").getAsString());
        JsonObject result = outputs(notebook, 1).get(1).getAsJsonObject();
        assertEquals("execute_result", result.get("output_type").getAsString());
        assertEquals(2, result.get("execution_count").getAsInt());
        assertEquals("40", result.getAsJsonObject("data").get("text/plain").getAsString());
    }

    @Test
    void runStopsAtTheFirstFailingCell() {
        NotebookFile notebook = NotebookFile.of(List.of("1 + 1", "int broken = nope;", "3"));
        NotebookRunner.Report report = run(notebook, false);
        assertEquals(2, report.failedCell());
        JsonObject error = outputs(notebook, 1).get(0).getAsJsonObject();
        assertEquals("error", error.get("output_type").getAsString());
        assertEquals("CompileError", error.get("ename").getAsString());
        assertTrue(notebook.cells().get(2).get("execution_count").isJsonNull());
        assertEquals(0, outputs(notebook, 2).size());
    }

    @Test
    void allowErrorsRunsEveryCell() {
        NotebookFile notebook = NotebookFile.of(List.of("throw new RuntimeException(\"first\");", "7"));
        NotebookRunner.Report report = run(notebook, true);
        assertFalse(report.ok());
        assertEquals(2, report.ran());
        assertEquals("7", outputs(notebook, 1).get(0).getAsJsonObject().getAsJsonObject("data").get("text/plain").getAsString());
    }

    @Test
    void consecutiveTextOfOneStreamIsOneOutput() {
        NotebookFile notebook = NotebookFile.of(List.of("for (int i = 0; i < 50; i++) { System.out.print(i % 10); if (i % 10 == 9) System.out.println(); }"));
        run(notebook, false);
        assertEquals(1, outputs(notebook, 0).size());
        assertEquals(5, outputs(notebook, 0).get(0).getAsJsonObject().get("text").getAsString().lines().count());
    }

    @Test
    void updatedDisplayReplacesTheEarlierOutput() {
        NotebookFile notebook = NotebookFile.of(List.of("var progress = display(\"epoch 1\");", "updateDisplay(progress, \"epoch 2\");"));
        run(notebook, false);
        JsonObject shown = outputs(notebook, 0).get(0).getAsJsonObject();
        assertEquals("epoch 2", shown.getAsJsonObject("data").get("text/plain").getAsString());
        assertEquals(0, outputs(notebook, 1).size());
    }

    @Test
    void markdownCellsAreLeftAsTheyAre() throws Exception {
        NotebookFile notebook = NotebookFile.of(List.of("1"));
        JsonObject markdown = new JsonObject();
        markdown.addProperty("cell_type", "markdown");
        markdown.add("metadata", new JsonObject());
        markdown.addProperty("source", "# Title");
        notebook.json().getAsJsonArray("cells").add(markdown);
        run(notebook, false);
        assertEquals("# Title", NotebookFile.source(notebook.cells().get(1)));
        assertFalse(notebook.cells().get(1).has("outputs"));
    }
}
