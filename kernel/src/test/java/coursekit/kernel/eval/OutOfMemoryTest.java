package coursekit.kernel.eval;

import static coursekit.kernel.testing.SharedEvaluator.run;
import static coursekit.kernel.testing.SharedEvaluator.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import coursekit.kernel.run.NotebookFile;
import coursekit.kernel.testing.ChildJvm;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutOfMemoryTest {

    @Test
    void hugeArrayIsAnErrorOutputAndTheKernelLives() {
        run("int beforeOom = 12;");
        CellResult result = run("long[] tooBig = new long[Integer.MAX_VALUE - 8];");
        assertEquals("OutOfMemoryError", result.error().name());
        assertTrue(result.error().value().contains("kernel keeps running"), result.error().value());
        assertEquals("12", value("beforeOom"));
    }

    @Test
    void fillingTheHeapIsAnErrorOutputAndTheNextCellRuns(@TempDir Path dir) throws Exception {
        // In a child JVM with a small heap: when the heap is full, any thread of the JVM may fail to
        // allocate, and the test JVM's own threads should not be among them.
        NotebookFile.of(List.of(
                "int beforeFill = 13;",
                "{ var hoard = new ArrayList<long[]>(); while (true) hoard.add(new long[1 << 20]); }",
                "long[] again = new long[1 << 22];\nbeforeFill")).write(dir.resolve("fill.ipynb"));
        ChildJvm.Result run = ChildJvm.run(dir, List.of("-Xmx256m"), "coursekit.kernel.RunMain",
                "fill.ipynb", "--allow-errors", "--out", "filled.ipynb");
        assertEquals(0, run.exitCode(), run.output());
        List<JsonObject> cells = NotebookFile.read(dir.resolve("filled.ipynb")).cells();
        JsonObject error = cells.get(1).getAsJsonArray("outputs").get(0).getAsJsonObject();
        assertEquals("OutOfMemoryError", error.get("ename").getAsString());
        JsonObject value = cells.get(2).getAsJsonArray("outputs").get(0).getAsJsonObject();
        assertEquals("13", value.getAsJsonObject("data").get("text/plain").getAsString());
    }
}
