package coursekit.kernel.run;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import coursekit.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A Jupyter notebook (nbformat 4) as JSON: read, its cells, and written back atomically with every
 * field it did not touch kept as it was.
 */
public final class NotebookFile {

    private static final Gson PRETTY = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create();

    private final JsonObject json;

    private NotebookFile(JsonObject json) {
        this.json = json;
    }

    /** Reads {@code file}; a file that is not an nbformat 4 notebook gets a sentence saying so. */
    public static NotebookFile read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        JsonElement parsed;
        try {
            parsed = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            throw new IOException(file + " is not a notebook: it is not valid JSON (" + e.getMessage() + ").", e);
        }
        if (!parsed.isJsonObject() || !parsed.getAsJsonObject().has("cells")) {
            throw new IOException(file + " is not a notebook: it has no \"cells\" list.");
        }
        JsonObject json = parsed.getAsJsonObject();
        int major = json.has("nbformat") ? json.get("nbformat").getAsInt() : 0;
        if (major != 4) {
            throw new IOException(file + " is nbformat " + major + "; only nbformat 4 notebooks can run"
                    + " (convert with: jupyter nbconvert --to notebook " + file + ").");
        }
        return new NotebookFile(json);
    }

    /** A notebook with these code cells (for tests and scripts). */
    public static NotebookFile of(List<String> codeCells) {
        JsonObject json = new JsonObject();
        JsonArray cells = new JsonArray();
        for (String code : codeCells) {
            JsonObject cell = new JsonObject();
            cell.addProperty("cell_type", "code");
            cell.addProperty("id", UUID.randomUUID().toString().substring(0, 8));
            cell.add("metadata", new JsonObject());
            cell.addProperty("source", code);
            cell.add("outputs", new JsonArray());
            cell.add("execution_count", null);
            cells.add(cell);
        }
        json.add("cells", cells);
        json.add("metadata", new JsonObject());
        json.addProperty("nbformat", 4);
        json.addProperty("nbformat_minor", 5);
        return new NotebookFile(json);
    }

    public JsonObject json() {
        return json;
    }

    /** The cells, in order (live: changes show in the file when written). */
    public List<JsonObject> cells() {
        List<JsonObject> cells = new ArrayList<>();
        for (JsonElement cell : json.getAsJsonArray("cells")) {
            cells.add(cell.getAsJsonObject());
        }
        return cells;
    }

    /** A cell's source as one text (nbformat allows a string or a list of lines). */
    public static String source(JsonObject cell) {
        JsonElement source = cell.get("source");
        if (source == null || source.isJsonNull()) {
            return "";
        }
        if (source.isJsonArray()) {
            StringBuilder text = new StringBuilder();
            for (JsonElement line : source.getAsJsonArray()) {
                text.append(line.getAsString());
            }
            return text.toString();
        }
        return source.getAsString();
    }

    /** Sets the kernel and language metadata, so Jupyter opens the result with this kernel. */
    public void describeKernel(String kernelName, String displayName) {
        JsonObject metadata = json.has("metadata") && json.get("metadata").isJsonObject() ? json.getAsJsonObject("metadata") : new JsonObject();
        JsonObject kernelspec = new JsonObject();
        kernelspec.addProperty("name", kernelName);
        kernelspec.addProperty("display_name", displayName);
        kernelspec.addProperty("language", "java");
        metadata.add("kernelspec", kernelspec);
        JsonObject language = new JsonObject();
        language.addProperty("name", "java");
        language.addProperty("version", Runtime.version().toString());
        language.addProperty("mimetype", "text/x-java-source");
        language.addProperty("file_extension", ".jshell");
        language.addProperty("codemirror_mode", "java");
        language.addProperty("pygments_lexer", "java");
        metadata.add("language_info", language);
        json.add("metadata", metadata);
    }

    /** Gives every cell an id where nbformat 4.5 requires one. */
    void ensureCellIds() {
        int minor = json.has("nbformat_minor") ? json.get("nbformat_minor").getAsInt() : 0;
        if (minor < 5) {
            return;
        }
        for (JsonObject cell : cells()) {
            if (!cell.has("id")) {
                cell.addProperty("id", UUID.randomUUID().toString().substring(0, 8));
            }
        }
    }

    /** The notebook as JSON text. */
    public String text() {
        return PRETTY.toJson(json) + "\n";
    }

    /** Writes the notebook to {@code file}: readers see the old file or the whole new one. */
    public void write(Path file) {
        ensureCellIds();
        AtomicFiles.write(file, text().getBytes(StandardCharsets.UTF_8));
    }
}
