package coursekit.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.series.Series;

class LinePlotTest {

    @Test
    void lineWithoutXRunsFromOneWithOneSeriesPerEntry() {
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("naive", new double[] {0.9, 0.45, 0.3});
        series.put("replay", new double[] {0.9, 0.7, 0.6});
        XYChart chart = (XYChart) Plots.line("Accuracy on classes seen", "Experience", "Accuracy", series).charts().get(0);

        assertEquals(List.of("naive", "replay"), chart.getSeriesCollection().stream().map(Series::getName).toList());
        assertArrayEquals(new double[] {1, 2, 3}, chart.getSeries("replay").getXData());
        assertArrayEquals(new double[] {0.9, 0.7, 0.6}, chart.getSeries("replay").getYData());
    }

    @Test
    void lineWithXUsesTheGivenXValuesAndLabels() {
        double[] classesSeen = {10, 20, 30};
        XYChart chart = (XYChart) Plots.line("Accuracy vs classes seen", "Classes seen", "Accuracy", classesSeen,
                Map.of("iCaRL", new double[] {0.8, 0.6, 0.5})).charts().get(0);

        assertArrayEquals(classesSeen, chart.getSeries("iCaRL").getXData());
        assertEquals("Classes seen", chart.getXAxisTitle());
        assertEquals("Accuracy vs classes seen", chart.getTitle());
    }

    @Test
    void seriesOfTheWrongLengthIsRejectedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Plots.line("t", "x", "y",
                new double[] {1, 2, 3}, Map.of("short", new double[] {0.5})));
        assertTrue(e.getMessage().contains("'short'"), e.getMessage());
    }

    @Test
    void noSeriesIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Plots.line("empty", "x", "y", Map.of()));
    }
}
