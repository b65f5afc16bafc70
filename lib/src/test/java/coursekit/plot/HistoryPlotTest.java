package coursekit.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coursekit.train.History;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.internal.series.Series;

class HistoryPlotTest {

    private static final double[] EPOCHS = {1, 2, 3, 4};

    private static XYChart panel(Figure figure, int index) {
        Chart<?, ?> chart = figure.charts().get(index);
        return (XYChart) chart;
    }

    private static List<String> names(Chart<?, ?> chart) {
        return chart.getSeriesCollection().stream().map(Series::getName).toList();
    }

    @Test
    void fullHistoryHasAccuracyThenLossPanelWithKerasSeriesNames() {
        Figure figure = Plots.history(Fixtures.fullHistory());

        assertEquals(2, figure.charts().size());
        assertEquals("Training and validation accuracy", panel(figure, 0).getTitle());
        assertEquals("Training and validation loss", panel(figure, 1).getTitle());
        assertEquals(List.of("accuracy", "val_accuracy"), names(panel(figure, 0)));
        assertEquals(List.of("loss", "val_loss"), names(panel(figure, 1)));
    }

    @Test
    void seriesRunOverEpochsOneToNWithTheHistoryValues() {
        Figure figure = Plots.history(Fixtures.fullHistory());
        Map<String, double[]> expected = Map.of("accuracy", Fixtures.ACCURACY, "val_accuracy", Fixtures.VAL_ACCURACY,
                "loss", Fixtures.LOSS, "val_loss", Fixtures.VAL_LOSS);

        for (Chart<?, ?> chart : figure.charts()) {
            for (XYSeries series : ((XYChart) chart).getSeriesCollection()) {
                assertArrayEquals(EPOCHS, series.getXData(), series.getName());
                assertArrayEquals(expected.get(series.getName()), series.getYData(), series.getName());
            }
        }
    }

    @Test
    void trainingIsDotsAndValidationIsALine() {
        XYChart accuracy = panel(Plots.history(Fixtures.fullHistory()), 0);

        assertEquals(XYSeriesRenderStyle.Scatter, accuracy.getSeries("accuracy").getXYSeriesRenderStyle().orElseThrow());
        assertEquals(XYSeriesRenderStyle.Line, accuracy.getSeries("val_accuracy").getXYSeriesRenderStyle().orElseThrow());
    }

    @Test
    void axesAreTitledEpochsAccuracyAndLoss() {
        Figure figure = Plots.history(Fixtures.fullHistory());

        assertEquals("Epochs", panel(figure, 0).getXAxisTitle());
        assertEquals("Accuracy", panel(figure, 0).getYAxisTitle());
        assertEquals("Epochs", panel(figure, 1).getXAxisTitle());
        assertEquals("Loss", panel(figure, 1).getYAxisTitle());
    }

    @Test
    void lossOnlyHistoryHasOneLossPanel() {
        Figure figure = Plots.history(Fixtures.lossOnlyHistory());

        assertEquals(1, figure.charts().size());
        assertEquals(List.of("loss"), names(panel(figure, 0)));
    }

    @Test
    void historyWithoutValidationShowsTrainingSeriesOnly() {
        Figure figure = Plots.history(Fixtures.trainingOnlyHistory());

        assertEquals(List.of("accuracy"), names(panel(figure, 0)));
        assertEquals(List.of("loss"), names(panel(figure, 1)));
    }

    @Test
    void onePhaseHistoryHasNoFineTuningMarker() {
        Figure figure = Plots.history(Fixtures.fullHistory());

        for (Chart<?, ?> chart : figure.charts()) {
            assertFalse(names(chart).contains(Plots.FINE_TUNING));
        }
    }

    @Test
    void joinedHistoryMarksFineTuningAtThePhaseBoundaryInBothPanels() {
        History joined = Fixtures.fullHistory().then(Fixtures.fullHistory());
        Figure figure = Plots.history(joined);

        for (Chart<?, ?> chart : figure.charts()) {
            XYSeries marker = ((XYChart) chart).getSeries(Plots.FINE_TUNING);
            // Phase one is epochs 1..4, phase two 5..8: the boundary lies between them.
            assertArrayEquals(new double[] {4.5, 4.5}, marker.getXData(), chart.getTitle());
        }
    }

    @Test
    void fineTuningMarkerSpansThePanelsValues() {
        Figure figure = Plots.history(Fixtures.fullHistory().then(Fixtures.fullHistory()));

        XYSeries marker = panel(figure, 1).getSeries(Plots.FINE_TUNING);
        assertArrayEquals(new double[] {0.41, 0.69}, marker.getYData());
    }

    @Test
    void historyWithoutEpochsIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Plots.history(new History()));
        assertTrue(e.getMessage().contains("no epochs"), e.getMessage());
    }

    @Test
    void runsComparisonHasOneSeriesPerRunOnTheMetric() {
        Map<String, History> runs = new java.util.LinkedHashMap<>();
        runs.put("scratch", Fixtures.fullHistory());
        runs.put("augmentation", Fixtures.fullHistory().then(Fixtures.fullHistory()));
        XYChart chart = panel(Plots.history(runs, History.VAL_ACCURACY), 0);

        assertEquals(List.of("scratch", "augmentation"), names(chart));
        assertArrayEquals(Fixtures.VAL_ACCURACY, chart.getSeries("scratch").getYData());
        assertEquals(8, chart.getSeries("augmentation").getXData().length);
        assertEquals("Validation accuracy", chart.getTitle());
        assertEquals("Accuracy", chart.getYAxisTitle());
    }

    @Test
    void runsComparisonNamesTheRunThatLacksTheMetric() {
        Map<String, History> runs = Map.of("no-val", Fixtures.trainingOnlyHistory());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plots.history(runs, History.VAL_ACCURACY));
        assertTrue(e.getMessage().contains("'no-val'") && e.getMessage().contains("val_accuracy"), e.getMessage());
    }
}
