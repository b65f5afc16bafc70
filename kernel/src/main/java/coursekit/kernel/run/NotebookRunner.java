package coursekit.kernel.run;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import coursekit.kernel.eval.CellResult;
import coursekit.kernel.eval.Evaluator;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a notebook's code cells in order with the kernel's {@link Evaluator} and puts their outputs
 * into the notebook, as "Run All" in Jupyter would; no Python and no Jupyter are involved.
 */
public final class NotebookRunner {

    /** How a run ended: how many code cells ran and the first that failed (-1 when none). */
    public record Report(int codeCells, int ran, int failedCell, String failure) {
        public boolean ok() {
            return failedCell < 0;
        }
    }

    private final Evaluator evaluator;
    private final boolean allowErrors;
    private final PrintStream progress;

    /** Runs with {@code evaluator}; stops at the first failing cell unless {@code allowErrors}. */
    public NotebookRunner(Evaluator evaluator, boolean allowErrors, PrintStream progress) {
        this.evaluator = evaluator;
        this.allowErrors = allowErrors;
        this.progress = progress;
    }

    /** Runs every code cell of {@code notebook}, replacing its outputs and execution counts. */
    public Report run(NotebookFile notebook) {
        List<JsonObject> cells = notebook.cells();
        List<JsonObject> code = cells.stream().filter(c -> "code".equals(type(c))).toList();
        // Cells that will not run (after a failure) keep no stale outputs from an earlier run.
        for (JsonObject cell : code) {
            cell.add("outputs", new JsonArray());
            cell.add("execution_count", JsonNull.INSTANCE);
        }
        Map<String, List<JsonObject>> displays = new HashMap<>();
        int count = 0;
        int firstFailure = -1;
        String failure = null;
        for (JsonObject cell : code) {
            count++;
            JsonArray outputs = new JsonArray();
            cell.add("outputs", outputs);
            cell.addProperty("execution_count", count);
            CollectedOutput output = new CollectedOutput(outputs, displays);
            long start = System.nanoTime();
            CellResult result = evaluator.evaluate(NotebookFile.source(cell), output, count);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (result.ok()) {
                int n = count;
                result.value().ifPresent(value -> output.result(value, n));
                progress.printf(Locale.ROOT, "[%d/%d] ok (%.1f s)%n", count, code.size(), seconds);
                continue;
            }
            output.error(result.error());
            progress.printf(Locale.ROOT, "[%d/%d] %s (%.1f s)%n%s%n", count, code.size(), result.error().name(), seconds,
                    result.error().text());
            if (firstFailure < 0) {
                firstFailure = count;
                failure = result.error().name() + ": " + result.error().value();
            }
            if (!allowErrors) {
                break;
            }
        }
        return new Report(code.size(), count, firstFailure, failure);
    }

    private static String type(JsonObject cell) {
        return cell.has("cell_type") ? cell.get("cell_type").getAsString() : "";
    }
}
