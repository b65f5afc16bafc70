package coursekit.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import coursekit.cl.AccuracyMatrix;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapSeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class ContinualPlotsTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final double NAN = Double.NaN;

    private static AccuracyMatrix run(String strategy, double last0, double last1) {
        return new AccuracyMatrix(strategy, new double[][] {{1.0, NAN}, {last0, last1}}, new int[] {2, 4});
    }

    private final List<AccuracyMatrix> runs = List.of(run("Naive", 0.0, 0.9), run("Naive", 0.2, 0.9), run("LwF", 0.5, 0.7));

    private static XYSeries series(XYChart chart, String name) {
        return chart.getSeriesCollection().stream().filter(s -> s.getName().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void oneSeriesPerStrategyOverClassesSeen() {
        XYChart chart = (XYChart) Plots.accuracyByClassesSeen(runs).charts().get(0);
        List<String> names = chart.getSeriesCollection().stream().map(XYSeries::getName).toList();
        assertEquals(List.of("Naive", "LwF"), names);
        XYSeries naive = series(chart, "Naive");
        assertArrayEquals(new double[] {2, 4}, naive.getXData());
        // After experience 1: (0.0 + 0.9) / 2 = 0.45 and (0.2 + 0.9) / 2 = 0.55, mean 0.5.
        assertArrayEquals(new double[] {1.0, 0.5}, naive.getYData(), 1e-12);
    }

    @Test
    void severalRunsGetErrorBarsAndOneRunNone() {
        XYChart chart = (XYChart) Plots.accuracyByClassesSeen(runs).charts().get(0);
        double[] bars = series(chart, "Naive").getExtraValues();
        assertEquals(0.0, bars[0], 1e-12);
        assertEquals(Math.sqrt(0.005), bars[1], 1e-12);
        assertNull(series(chart, "LwF").getExtraValues());
    }

    @Test
    void accuracyChartRendersAsPng() {
        byte[] png = Plots.accuracyByClassesSeen(runs).toPng();
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(png, PNG_SIGNATURE.length));
    }

    @Test
    void manyStrategiesGetTheirLegendBesideAWiderPlot() {
        List<AccuracyMatrix> eight = java.util.stream.IntStream.range(0, 8).mapToObj(i -> run("strategy " + i, 0.1 * i, 0.5)).toList();
        XYChart crowded = (XYChart) Plots.accuracyByClassesSeen(eight).charts().get(0);
        XYChart few = (XYChart) Plots.accuracyByClassesSeen(runs).charts().get(0);
        assertEquals(org.knowm.xchart.style.Styler.LegendPosition.OutsideE, crowded.getStyler().getLegendPosition());
        assertEquals(org.knowm.xchart.style.Styler.LegendPosition.OutsideS, few.getStyler().getLegendPosition());
        assertEquals(few.getWidth() + 200, crowded.getWidth());
    }

    @Test
    void noRunsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Plots.accuracyByClassesSeen(List.of()));
    }

    @Test
    void heatmapHasOneCellPerMeasuredEntryWithExperienceZeroOnTop() {
        AccuracyMatrix m = new AccuracyMatrix("Naive", new double[][] {
            {0.9, NAN, NAN}, {0.6, 0.8, NAN}, {0.3, 0.5, 0.7}}, new int[] {2, 4, 6});
        HeatMapChart chart = (HeatMapChart) Plots.accuracyMatrix(m).charts().get(0);
        HeatMapSeries series = chart.getHeatMapSeries();
        assertEquals(List.of("exp 0", "exp 1", "exp 2"), series.getXData());
        assertEquals(List.of("after experience 2", "after experience 1", "after experience 0"), series.getYData());
        assertEquals(6, series.getHeatData().size(), "the three NaN entries above the diagonal are left out");
        Number[] first = series.getHeatData().get(0);
        assertEquals(0, first[0].intValue());
        assertEquals(2, first[1].intValue(), "R[0][0] sits in the top row");
        assertEquals(90, first[2].doubleValue(), 1e-9, "in percent");
    }

    @Test
    void heatmapRendersAsPng() {
        AccuracyMatrix m = run("Naive", 0.1, 0.9);
        byte[] png = Plots.accuracyMatrix(m).toPng();
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(png, PNG_SIGNATURE.length));
    }
}
