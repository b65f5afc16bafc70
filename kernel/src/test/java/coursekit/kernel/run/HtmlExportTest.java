package coursekit.kernel.run;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import coursekit.kernel.testing.SharedEvaluator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlExportTest {

    private static String exported(List<String> cells, String markdown) {
        NotebookFile notebook = NotebookFile.of(cells);
        if (markdown != null) {
            JsonObject cell = new JsonObject();
            cell.addProperty("cell_type", "markdown");
            cell.add("metadata", new JsonObject());
            cell.addProperty("source", markdown);
            notebook.json().getAsJsonArray("cells").add(cell);
        }
        new NotebookRunner(SharedEvaluator.get(), true, new PrintStream(new ByteArrayOutputStream())).run(notebook);
        return HtmlExport.html(notebook, "test");
    }

    @Test
    void imagesAreEmbeddedAsDataUrlsWithoutJavaScript() {
        String html = exported(List.of("new java.awt.image.BufferedImage(3, 3, java.awt.image.BufferedImage.TYPE_INT_RGB)"), null);
        assertTrue(html.contains("<img alt=\"BufferedImage 3x3\" src=\"data:image/png;base64,iVBORw0KGgo"), html);
        assertFalse(html.contains("<script"), html);
    }

    @Test
    void markdownIsRenderedAndCodeEscaped() {
        String html = exported(List.of("\"<tag>\""), "# Title\n\nSome *emphasis*.");
        assertTrue(html.contains("<h1>Title</h1>") && html.contains("<em>emphasis</em>"), html);
        assertTrue(html.contains("<pre class=\"input\"><span class=\"s\">&quot;&lt;tag&gt;&quot;</span></pre>"), html);
    }

    @Test
    void markdownTablesBecomeHtmlTables() {
        String html = exported(List.of("1"), "| run | accuracy |\n| --- | --- |\n| scratch | 0.654 |");
        assertTrue(html.contains("<th>run</th>") && html.contains("<td>0.654</td>"), html);
    }

    @Test
    void errorsShowTheirReport() {
        String html = exported(List.of("int x = missingThing;"), null);
        assertTrue(html.contains("<pre class=\"error\">Compile error at line 1: cannot find symbol"), html);
    }

    @Test
    void javaIsHighlightedAsInJupyter() {
        String html = JavaHighlight.html("%maven a:b:1\n@Override int n = 42; // the answer\nString s = \"for <x>\"; /* note */ var if2 = null;");
        assertTrue(html.startsWith("<span class=\"c\">%maven a:b:1</span>"), html);
        assertTrue(html.contains("<span class=\"a\">@Override</span> <span class=\"k\">int</span> n = <span class=\"n\">42</span>;"), html);
        assertTrue(html.contains("<span class=\"c\">// the answer</span>"), html);
        assertTrue(html.contains("<span class=\"s\">&quot;for &lt;x&gt;&quot;</span>"), html);
        assertTrue(html.contains("<span class=\"c\">/* note */</span> <span class=\"k\">var</span> if2 = <span class=\"k\">null</span>;"), html);
    }
}
