package coursekit.plot;

import coursekit.cl.AccuracyMatrix;
import coursekit.cl.Comparison;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.HeatMapStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.Styler.LegendPosition;

/** The continual-learning charts behind {@link Plots#accuracyByClassesSeen} and {@link Plots#accuracyMatrix}. */
final class ContinualCharts {

    static final String CLASSES_AXIS = "Number of classes";
    static final String ROW_PREFIX = "after experience ";
    static final String COLUMN_PREFIX = "exp ";

    /** From white (0 %) to the palette's blue (100 %), so a forgotten experience reads as a pale cell. */
    private static final Color[] RANGE = {Color.WHITE, new Color(198, 219, 239), new Color(107, 174, 214), Style.PALETTE[0]};

    private static final int SERIES_IN_ONE_ROW = 4;
    private static final int SIDE_LEGEND_WIDTH = 200;

    private ContinualCharts() {}

    static Figure accuracyByClassesSeen(List<AccuracyMatrix> runs) {
        Objects.requireNonNull(runs, "runs");
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("Plots.accuracyByClassesSeen needs at least one run, but got none.");
        }
        Comparison comparison = Comparison.of(runs);
        boolean crowded = comparison.strategies().size() > SERIES_IN_ONE_ROW;
        XYChart chart = Style.xyChart("Accuracy by number of classes seen", CLASSES_AXIS, Plots.ACCURACY_AXIS,
                crowded ? Style.PANEL_WIDTH + SIDE_LEGEND_WIDTH : Style.PANEL_WIDTH);
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        if (crowded) {
            // One row below the plot holds about four names; more would be cut at the chart's edges.
            chart.getStyler().setLegendPosition(LegendPosition.OutsideE);
            chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        }
        int index = 0;
        int most = 0;
        for (String strategy : comparison.strategies()) {
            int[] seen = comparison.classesSeen(strategy);
            List<Comparison.Stat> curve = comparison.accuracyCurve(strategy);
            double[] x = new double[seen.length];
            double[] mean = new double[seen.length];
            double[] std = new double[seen.length];
            for (int i = 0; i < seen.length; i++) {
                x[i] = seen[i];
                mean[i] = curve.get(i).mean();
                std[i] = curve.get(i).std();
                most = Math.max(most, seen[i]);
            }
            // Error bars only where there is a spread to show: one run has none.
            XYSeries series = comparison.runs(strategy).size() > 1
                    ? chart.addSeries(strategy, x, mean, std)
                    : chart.addSeries(strategy, x, mean);
            Style.lineWithDots(series, Style.cycle(index++));
        }
        Style.wholeNumberXLabels(chart, most);
        return Figure.of("Accuracy by number of classes seen", chart);
    }

    static Figure accuracyMatrix(AccuracyMatrix m) {
        Objects.requireNonNull(m, "matrix");
        int t = m.experiences();
        List<String> columns = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        for (int j = 0; j < t; j++) {
            columns.add(COLUMN_PREFIX + j);
        }
        // XChart draws the first y category at the bottom; listing rows backwards puts experience 0 on top, as R is written.
        for (int i = t - 1; i >= 0; i--) {
            rows.add(ROW_PREFIX + i);
        }
        List<Number[]> cells = new ArrayList<>();
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < t; j++) {
                if (!Double.isNaN(m.get(i, j))) {
                    cells.add(new Number[] {j, t - 1 - i, 100 * m.get(i, j)});
                }
            }
        }
        int size = Math.max(Style.PANEL_HEIGHT, 120 + 48 * t);
        // The constructor with a theme: without one XChart 4.0.3 leaves the heat map's colours and legend font unset.
        HeatMapChart chart = new HeatMapChart(size + 120, size, Styler.ChartTheme.XChart);
        chart.setTitle("Accuracy matrix R: " + m.strategy());
        chart.setXAxisTitle("Test set");
        chart.setYAxisTitle("Trained up to");
        HeatMapStyler styler = chart.getStyler();
        styler.setBaseFont(Style.font(Font.PLAIN, 12));
        styler.setChartTitleFont(Style.font(Font.BOLD, 14));
        styler.setAxisTitleFont(Style.font(Font.PLAIN, 13));
        styler.setAxisTickLabelsFont(Style.font(Font.PLAIN, 11));
        styler.setChartFontColor(Style.TEXT);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setLegendPosition(LegendPosition.OutsideE);
        styler.setLegendFont(Style.font(Font.PLAIN, 11));
        styler.setRangeColors(RANGE);
        styler.setMin(0);
        styler.setMax(100);
        // XChart spaces ticks at least 74 pixels apart by default and would label every other experience.
        styler.setXAxisTickMarkSpacingHint(24);
        styler.setYAxisTickMarkSpacingHint(24);
        // Numbers in the cells only while they fit.
        styler.setShowValue(t <= 12);
        styler.setValueFont(Style.font(Font.PLAIN, 11));
        styler.setValueFontColor(Style.TEXT);
        styler.setHeatMapValueDecimalPattern("0");
        chart.addSeries("accuracy", columns, rows, cells);
        return Figure.of("Accuracy matrix of " + m.strategy(), chart);
    }
}
