package coursekit.kernel.eval;

import static coursekit.kernel.testing.SharedEvaluator.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coursekit.kernel.render.MimeBundle;
import coursekit.kernel.testing.RecordingOutput;
import org.junit.jupiter.api.Test;

class RenderInCellTest {

    @Test
    void imageAsLastExpressionIsAPngValue() {
        CellResult result = run("new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_ARGB)");
        assertTrue(result.value().orElseThrow().has(MimeBundle.PNG));
    }

    @Test
    void displayedFigureIsADisplayOutput() {
        RecordingOutput output = new RecordingOutput();
        run("display(Plots.line(\"t\", \"x\", \"y\", Map.of(\"a\", new double[] {1, 2})));", output);
        assertEquals(1, output.displays().size());
        assertTrue(output.displays().get(0).has(MimeBundle.PNG));
    }

    @Test
    void valueWhoseToStringThrowsStillEndsTheCell() {
        CellResult result = run("new Object() { public String toString() { throw new IllegalStateException(\"no\"); } }");
        assertTrue(result.ok());
        assertTrue(result.value().orElseThrow().text().contains("@"), result.value().orElseThrow().text());
    }

    @Test
    void htmlAndMarkdownHelpersShowFormatted() {
        assertEquals("<b>bold</b>", run("html(\"<b>bold</b>\")").value().orElseThrow().data().get(MimeBundle.HTML));
        assertEquals("**bold**", run("markdown(\"**bold**\")").value().orElseThrow().data().get(MimeBundle.MARKDOWN));
    }

    @Test
    void fitInACellShowsOneOutputThatUpdatesInPlace() {
        RecordingOutput output = new RecordingOutput();
        CellResult result = run("var data = Datasets.catsDogs32().firstPerClass(30).resize(48, 48).split(0.5, 0.25, 0.25, 1);\n"
                + "try (var net = Models.lectureCnn(data.imageShape(), 1)) { Fit.fit(net, data, FitConfig.epochs(2).batchSize(10)); }", output);
        assertTrue(result.ok(), result.toString());
        assertEquals(1, output.displays().size(), output.events().toString());
        assertTrue(output.stdout().isEmpty(), "no epoch lines printed besides the display: " + output.stdout());
        String last = output.events().get(output.events().size() - 1);
        assertTrue(last.startsWith("update:Epoch 1/2") && last.contains("\nEpoch 2/2"), last);
    }

    @Test
    void updateDisplayAndClearOutputReachTheOutput() {
        RecordingOutput output = new RecordingOutput();
        run("var shown = display(\"first\");\nupdateDisplay(shown, \"second\");\nclearOutput();", output);
        assertEquals(java.util.List.of("display:first", "update:second", "clear"), output.events());
    }
}
