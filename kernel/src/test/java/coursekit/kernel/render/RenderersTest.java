package coursekit.kernel.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import coursekit.model.Models;
import coursekit.model.Network;
import coursekit.plot.Figure;
import coursekit.plot.Plots;
import coursekit.train.History;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class RenderersTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private final Renderers renderers = Renderers.standard();

    private static void assertPng(MimeBundle bundle) {
        byte[] png = Base64.getDecoder().decode((String) bundle.data().get(MimeBundle.PNG));
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(png, 8));
    }

    @Test
    void bufferedImageIsBase64Png() throws Exception {
        MimeBundle bundle = renderers.render(new BufferedImage(12, 7, BufferedImage.TYPE_INT_RGB));
        assertPng(bundle);
        assertEquals("BufferedImage 12x7", bundle.text());
        assertEquals(Map.of("width", 12, "height", 7), bundle.metadata().get(MimeBundle.PNG));
    }

    @Test
    void xchartChartIsPng() throws Exception {
        XYChart chart = new XYChartBuilder().width(300).height(200).title("loss").build();
        chart.addSeries("train", new double[] {1, 2, 3}, new double[] {0.9, 0.5, 0.3});
        MimeBundle bundle = renderers.render(chart);
        assertPng(bundle);
        assertEquals("XYChart 'loss' 300x200", bundle.text());
    }

    @Test
    void kitFigureIsPng() throws Exception {
        Figure figure = Plots.line("accuracy", "epoch", "accuracy", Map.of("train", new double[] {0.5, 0.7, 0.8}));
        MimeBundle bundle = renderers.render(figure);
        assertPng(bundle);
        assertEquals(figure.toString(), bundle.text());
    }

    @Test
    void historyIsItsChart() throws Exception {
        History history = new History();
        history.add(Map.of(History.LOSS, 0.7, History.ACCURACY, 0.5, History.VAL_LOSS, 0.8, History.VAL_ACCURACY, 0.45));
        history.add(Map.of(History.LOSS, 0.5, History.ACCURACY, 0.7, History.VAL_LOSS, 0.7, History.VAL_ACCURACY, 0.55));
        MimeBundle bundle = renderers.render(history);
        assertPng(bundle);
        assertEquals(history.toString(), bundle.text());
    }

    @Test
    void tableIsHtmlAndText() throws Exception {
        Table table = Table.create("scores", StringColumn.create("name", "a<b", "c"), DoubleColumn.create("score", 0.5, 0.75));
        MimeBundle bundle = renderers.render(table);
        String html = (String) bundle.data().get(MimeBundle.HTML);
        assertTrue(html.contains(">scores: 2 rows &times; 2 columns</caption>") && html.contains("white-space:nowrap"), html);
        assertTrue(html.contains("<th>name</th><th>score</th>"), html);
        assertTrue(html.contains("<td>a&lt;b</td>"), html);
        assertEquals(table.print(20), bundle.text());
    }

    @Test
    void longTableShowsItsFirstAndLastRows() throws Exception {
        int[] values = new int[1000];
        Arrays.setAll(values, i -> i);
        String html = (String) renderers.render(Table.create("long", IntColumn.create("i", values))).data().get(MimeBundle.HTML);
        assertTrue(html.contains(">9</td>") && html.contains(">995</td>") && html.contains("&hellip;"), html);
        assertTrue(!html.contains(">10</td>") && !html.contains(">994</td>"), html);
    }

    @Test
    void ndArrayShowsShapeTypeAndValues() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray array = manager.create(new float[] {1, 2.5f, 3, 4, 5, 6}, new Shape(2, 3));
            String text = renderers.render(array).text();
            assertEquals("NDArray (2, 3) float32 on " + array.getDevice() + "\n[[1., 2.5, 3.],\n [4., 5., 6.]]", text);
        }
    }

    @Test
    void largeNdArrayShowsOnlyTheEdgesOfEachAxis() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            String text = renderers.render(manager.arange(0, 10_000, 1, ai.djl.ndarray.types.DataType.INT32).reshape(100, 100)).text();
            assertTrue(text.startsWith("NDArray (100, 100) int32"), text);
            assertTrue(text.contains("[0, 1, 2, ..., 97, 98, 99]"), text);
            assertTrue(text.contains("[9900, 9901, 9902, ..., 9997, 9998, 9999]]"), text);
            assertTrue(text.lines().count() < 12, text);
        }
    }

    @Test
    void modelSummaryIsATable() throws Exception {
        try (Network network = Models.lectureCnn(new long[] {3, 64, 64}, 1)) {
            MimeBundle bundle = renderers.render(network.summary());
            String html = (String) bundle.data().get(MimeBundle.HTML);
            assertTrue(html.contains("<th>layer</th><th>type</th><th>output_shape</th><th>parameters</th>"), html);
            assertTrue(html.contains("Total params: 504,001"), html);
            assertEquals(network.summary().toString(), bundle.text());
        }
    }

    @Test
    void displayHandleShowsNothing() throws Exception {
        assertNull(renderers.render(new DisplayHandle("id")));
    }

    @Test
    void nullAndArraysAreText() throws Exception {
        assertEquals("null", renderers.render(null).text());
        assertEquals("[1, 2, 3]", renderers.render(new int[] {1, 2, 3}).text());
        assertEquals("[[a], [b, c]]", renderers.render(new String[][] {{"a"}, {"b", "c"}}).text());
    }

    @Test
    void laterRegistrationWinsForItsType() throws Exception {
        Renderers custom = Renderers.standard().register(String.class, s -> new MimeBundle().put(MimeBundle.HTML, "<b>" + s + "</b>"));
        MimeBundle bundle = custom.render("x");
        assertEquals("<b>x</b>", bundle.data().get(MimeBundle.HTML));
        assertEquals("x", bundle.text());
    }
}
