package coursekit.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.Arrays;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The look shared by every chart and image grid: fonts, colours and panel sizes. */
final class Style {

    /** Size of one chart panel, close to matplotlib's default figure at notebook resolution. */
    static final int PANEL_WIDTH = 560;
    static final int PANEL_HEIGHT = 400;

    /** Matplotlib's default colour cycle, so the charts look like the lecture's Keras plots. */
    static final Color[] PALETTE = {
        new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(214, 39, 40),
        new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194), new Color(127, 127, 127),
        new Color(188, 189, 34), new Color(23, 190, 207)
    };

    static final Color TEXT = new Color(34, 34, 34);
    static final Color GRID = new Color(225, 225, 225);

    /** Looked up once: font enumeration is slow and the answer does not change within a JVM. */
    private static final String FAMILY = pickFamily();

    private Style() {}

    /**
     * DejaVu Sans where installed, else Java's logical sans-serif font; both exist headless, and
     * naming the family keeps text identical between a notebook kernel and a test run.
     */
    private static String pickFamily() {
        try {
            String[] families = GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames();
            return Arrays.asList(families).contains("DejaVu Sans") ? "DejaVu Sans" : Font.SANS_SERIF;
        } catch (RuntimeException | Error noFontConfig) {
            // A JRE without fontconfig throws here; the logical font still renders.
            return Font.SANS_SERIF;
        }
    }

    static Font font(int style, int size) {
        return new Font(FAMILY, style, size);
    }

    /** An empty XY chart with a title, axis titles, white background and a legend under the plot. */
    static XYChart xyChart(String title, String xLabel, String yLabel) {
        return xyChart(title, xLabel, yLabel, PANEL_WIDTH);
    }

    /** The same chart, wider: room for a legend beside the plot. */
    static XYChart xyChart(String title, String xLabel, String yLabel, int width) {
        XYChart chart = new XYChart(width, PANEL_HEIGHT);
        chart.setTitle(title);
        chart.setXAxisTitle(xLabel);
        chart.setYAxisTitle(yLabel);
        XYStyler styler = chart.getStyler();
        styler.setBaseFont(font(Font.PLAIN, 12));
        styler.setChartTitleFont(font(Font.BOLD, 14));
        styler.setAxisTitleFont(font(Font.PLAIN, 13));
        styler.setAxisTickLabelsFont(font(Font.PLAIN, 11));
        styler.setLegendFont(font(Font.PLAIN, 12));
        styler.setChartFontColor(TEXT);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderColor(Color.GRAY);
        styler.setPlotGridLinesColor(GRID);
        styler.setLegendBackgroundColor(Color.WHITE);
        styler.setLegendBorderColor(Color.WHITE);
        // Below the plot the legend never hides a curve, whichever way the curves go.
        styler.setLegendPosition(LegendPosition.OutsideS);
        styler.setLegendLayout(LegendLayout.Horizontal);
        styler.setLegendPadding(12);
        styler.setSeriesColors(PALETTE);
        styler.setMarkerSize(7);
        styler.setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Line);
        return chart;
    }

    /** Shows {@code series} as dots only, like matplotlib's {@code 'bo'}. */
    static void dots(XYSeries series, Color color) {
        series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        series.setMarker(SeriesMarkers.CIRCLE);
        series.setMarkerColor(color);
    }

    /** Shows {@code series} as a plain line, like matplotlib's {@code 'b'}. */
    static void line(XYSeries series, Color color) {
        series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(color);
        series.setLineWidth(2f);
    }

    /** Shows {@code series} as a line through dots, for comparing runs or curves. */
    static void lineWithDots(XYSeries series, Color color) {
        series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        series.setMarker(SeriesMarkers.CIRCLE);
        series.setMarkerColor(color);
        series.setLineColor(color);
        series.setLineWidth(2f);
    }

    /** Shows {@code series} as a dashed grey rule, for markers such as where fine-tuning began. */
    static void rule(XYSeries series) {
        series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(new Color(90, 90, 90));
        series.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    }

    /**
     * Labels only whole x values that are multiples of a round step (1, 2, 5, 10, 20, 50, ...), at most
     * about ten of them up to {@code maxX}: with the legend below the plot XChart puts a tick on every
     * epoch, and thirty labels would run into each other.
     */
    static void wholeNumberXLabels(XYChart chart, double maxX) {
        long step = labelStep(maxX);
        chart.getStyler().setXAxisTickLabelsFormattingFunction(v -> {
            long whole = Math.round(v);
            return Math.abs(v - whole) < 1e-9 && whole % step == 0 ? Long.toString(whole) : "";
        });
    }

    /** The smallest of 1, 2, 5, 10, 20, 50, ... that cuts {@code 0..maxX} into at most ten steps. */
    static long labelStep(double maxX) {
        long magnitude = 1;
        while (true) {
            for (long factor : new long[] {1, 2, 5}) {
                long step = factor * magnitude;
                if (maxX / step <= 10) {
                    return step;
                }
            }
            magnitude *= 10;
        }
    }

    static Color cycle(int index) {
        return PALETTE[index % PALETTE.length];
    }
}
