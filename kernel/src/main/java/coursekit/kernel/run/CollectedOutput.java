package coursekit.kernel.run;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import coursekit.kernel.eval.CellError;
import coursekit.kernel.eval.CellOutput;
import coursekit.kernel.render.MimeBundle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A cell's outputs as nbformat 4 output objects: consecutive text of one stream is merged, a
 * display id's later updates replace its earlier outputs, and {@code clear_output} clears.
 */
final class CollectedOutput implements CellOutput {

    private static final Gson GSON = new Gson();

    private final JsonArray outputs;
    private final Map<String, List<JsonObject>> byDisplayId;
    private boolean clearOnNext;

    /** Collects into {@code outputs}; {@code byDisplayId} is shared by all cells of a notebook. */
    CollectedOutput(JsonArray outputs, Map<String, List<JsonObject>> byDisplayId) {
        this.outputs = outputs;
        this.byDisplayId = byDisplayId;
    }

    @Override
    public synchronized void stream(String name, String text) {
        clearIfPending();
        if (outputs.size() > 0) {
            JsonObject last = outputs.get(outputs.size() - 1).getAsJsonObject();
            if ("stream".equals(string(last, "output_type")) && name.equals(string(last, "name"))) {
                last.addProperty("text", string(last, "text") + text);
                return;
            }
        }
        JsonObject output = new JsonObject();
        output.addProperty("output_type", "stream");
        output.addProperty("name", name);
        output.addProperty("text", text);
        outputs.add(output);
    }

    @Override
    public synchronized void display(MimeBundle bundle, String displayId) {
        clearIfPending();
        JsonObject output = data("display_data", bundle);
        outputs.add(output);
        if (displayId != null) {
            byDisplayId.computeIfAbsent(displayId, id -> new ArrayList<>()).add(output);
        }
    }

    @Override
    public synchronized void updateDisplay(MimeBundle bundle, String displayId) {
        JsonObject fresh = data("display_data", bundle);
        for (JsonObject shown : byDisplayId.getOrDefault(displayId, List.of())) {
            shown.add("data", fresh.get("data"));
            shown.add("metadata", fresh.get("metadata"));
        }
    }

    @Override
    public synchronized void clearOutput(boolean wait) {
        if (wait) {
            clearOnNext = true;
        } else {
            clear();
        }
    }

    synchronized void result(MimeBundle bundle, int executionCount) {
        clearIfPending();
        JsonObject output = data("execute_result", bundle);
        output.addProperty("execution_count", executionCount);
        outputs.add(output);
    }

    synchronized void error(CellError error) {
        clearIfPending();
        JsonObject output = new JsonObject();
        output.addProperty("output_type", "error");
        output.addProperty("ename", error.name());
        output.addProperty("evalue", error.value());
        JsonArray traceback = new JsonArray();
        error.traceback().forEach(traceback::add);
        output.add("traceback", traceback);
        outputs.add(output);
    }

    private static JsonObject data(String type, MimeBundle bundle) {
        JsonObject output = new JsonObject();
        output.addProperty("output_type", type);
        JsonObject data = new JsonObject();
        bundle.data().forEach((mime, value) -> data.add(mime, value instanceof String s ? new JsonPrimitive(s) : GSON.toJsonTree(value)));
        output.add("data", data);
        JsonElement metadata = GSON.toJsonTree(bundle.metadata());
        output.add("metadata", metadata);
        return output;
    }

    private void clearIfPending() {
        if (clearOnNext) {
            clearOnNext = false;
            clear();
        }
    }

    private void clear() {
        while (outputs.size() > 0) {
            outputs.remove(outputs.size() - 1);
        }
    }

    private static String string(JsonObject object, String key) {
        JsonElement value = object.get(key);
        return value == null || value.isJsonNull() ? "" : value.getAsString();
    }
}
