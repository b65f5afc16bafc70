package coursekit.kernel.run;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import coursekit.io.AtomicFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * A notebook as one self-contained HTML page without JavaScript: markdown rendered, code with its
 * execution count, and outputs in their richest form (PNG images embedded as data URLs).
 */
public final class HtmlExport {

    private static final String STYLE = """
            body{font-family:sans-serif;max-width:980px;margin:2em auto;padding:0 1em;line-height:1.45}
            .cell{margin:1em 0}.prompt{color:#888;font:12px monospace}
            pre{background:#f7f7f7;padding:.6em;overflow-x:auto;margin:.2em 0}
            pre.input{border-left:3px solid #3b82f6}pre.error{background:#fdecea;color:#8a1f11}
            pre.stderr{background:#fff6e5}img{max-width:100%}
            table.dataframe{border-collapse:collapse;font-size:13px}
            table.dataframe td,table.dataframe th{border:1px solid #ddd;padding:2px 6px}
            pre.input .k{color:#008000;font-weight:bold}pre.input .s{color:#ba2121}pre.input .c{color:#3d7b7b;font-style:italic}
            pre.input .n{color:#666}pre.input .a{color:#aa22ff}
            .markdown table{border-collapse:collapse}.markdown td,.markdown th{border:1px solid #ddd;padding:3px 8px}
            """;

    private HtmlExport() {}

    /** The page for {@code notebook}, titled {@code title}. */
    public static String html(NotebookFile notebook, String title) {
        List<Extension> tables = List.of(TablesExtension.create());
        Parser parser = Parser.builder().extensions(tables).build();
        HtmlRenderer markdown = HtmlRenderer.builder().extensions(tables).build();
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
                .append(escape(title)).append("</title><style>").append(STYLE).append("</style></head><body>\n");
        for (JsonObject cell : notebook.cells()) {
            String type = cell.has("cell_type") ? cell.get("cell_type").getAsString() : "";
            String source = NotebookFile.source(cell);
            html.append("<div class=\"cell ").append(escape(type)).append("\">\n");
            switch (type) {
                case "markdown" -> html.append(markdown.render(parser.parse(source)));
                case "code" -> {
                    JsonElement count = cell.get("execution_count");
                    String label = count == null || count.isJsonNull() ? " " : count.getAsString();
                    html.append("<div class=\"prompt\">In [").append(label).append("]:</div>\n<pre class=\"input\">")
                            .append(JavaHighlight.html(source)).append("</pre>\n");
                    JsonArray outputs = cell.has("outputs") ? cell.getAsJsonArray("outputs") : new JsonArray();
                    for (JsonElement output : outputs) {
                        output(html, output.getAsJsonObject(), parser, markdown);
                    }
                }
                default -> html.append("<pre>").append(escape(source)).append("</pre>\n");
            }
            html.append("</div>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    /** Writes the page atomically. */
    public static void write(NotebookFile notebook, Path file) {
        String name = file.getFileName() == null ? "notebook" : file.getFileName().toString().replaceFirst("\\.html?$", "");
        AtomicFiles.write(file, html(notebook, name).getBytes(StandardCharsets.UTF_8));
    }

    private static void output(StringBuilder html, JsonObject output, Parser parser, HtmlRenderer markdown) {
        String type = output.has("output_type") ? output.get("output_type").getAsString() : "";
        switch (type) {
            case "stream" -> {
                String name = output.has("name") ? output.get("name").getAsString() : "stdout";
                html.append("<pre class=\"").append(escape(name)).append("\">").append(escape(text(output.get("text")))).append("</pre>\n");
            }
            case "error" -> {
                StringBuilder trace = new StringBuilder();
                for (JsonElement line : output.getAsJsonArray("traceback")) {
                    trace.append(stripAnsi(line.getAsString())).append('\n');
                }
                html.append("<pre class=\"error\">").append(escape(trace.toString())).append("</pre>\n");
            }
            case "display_data", "execute_result" -> data(html, output.getAsJsonObject("data"), parser, markdown);
            default -> { }
        }
    }

    private static void data(StringBuilder html, JsonObject data, Parser parser, HtmlRenderer markdown) {
        if (data == null) {
            return;
        }
        if (data.has("image/png")) {
            html.append("<img alt=\"").append(escape(data.has("text/plain") ? text(data.get("text/plain")) : "image"))
                    .append("\" src=\"data:image/png;base64,").append(text(data.get("image/png")).replaceAll("\\s", "")).append("\">\n");
        } else if (data.has("image/svg+xml")) {
            html.append(text(data.get("image/svg+xml"))).append('\n');
        } else if (data.has("text/html")) {
            html.append("<div class=\"html\">").append(text(data.get("text/html"))).append("</div>\n");
        } else if (data.has("text/markdown")) {
            html.append(markdown.render(parser.parse(text(data.get("text/markdown")))));
        } else if (data.has("text/plain")) {
            html.append("<pre>").append(escape(text(data.get("text/plain")))).append("</pre>\n");
        }
    }

    /** nbformat text: a string or a list of lines. */
    private static String text(JsonElement value) {
        if (value == null || value.isJsonNull()) {
            return "";
        }
        if (value.isJsonArray()) {
            StringBuilder text = new StringBuilder();
            value.getAsJsonArray().forEach(line -> text.append(line.getAsString()));
            return text.toString();
        }
        return value.isJsonPrimitive() ? value.getAsString() : value.toString();
    }

    private static String stripAnsi(String text) {
        return text.replaceAll("\u001B\\[[0-9;]*[A-Za-z]", "");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
