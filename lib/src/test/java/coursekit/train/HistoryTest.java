package coursekit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class HistoryTest {

    private static History twoEpochs(double first, double second) {
        History history = new History();
        history.add(Map.of("loss", first));
        history.add(Map.of("loss", second));
        return history;
    }

    @Test
    void csvRoundTripIsExact(@TempDir Path dir) throws Exception {
        History history = new History();
        history.add(new java.util.LinkedHashMap<>(Map.of("loss", 0.1234567891234, "accuracy", 0.5)));
        history.add(new java.util.LinkedHashMap<>(Map.of("loss", 0.0987654321, "accuracy", 0.75)));
        Path file = dir.resolve("history.csv");
        history.writeCsv(file);
        assertTrue(Files.readString(file).startsWith("epoch,"));
        History read = History.readCsv(file);
        assertEquals(history.get("loss"), read.get("loss"));
        assertEquals(history.get("accuracy"), read.get("accuracy"));
    }

    @Test
    void tableHasAnEpochColumnAndOneColumnPerMetric() {
        Table table = twoEpochs(0.9, 0.4).toTable();
        assertEquals(List.of("epoch", "loss"), table.columnNames());
        assertEquals(2, table.rowCount());
        assertEquals(0.4, table.doubleColumn("loss").get(1));
    }

    @Test
    void joiningMarksWhereTheSecondPhaseStarts() {
        History joined = twoEpochs(0.9, 0.8).then(twoEpochs(0.5, 0.4));
        assertEquals(4, joined.epochs());
        assertEquals(2, joined.fineTuningStart());
        assertEquals(List.of(0.9, 0.8, 0.5, 0.4), joined.get("loss"));
    }

    @Test
    void smoothingIsAnExponentialMovingAverageOfEachMetric() {
        History raw = new History();
        for (double value : new double[] {1, 0, 1}) {
            raw.add(new java.util.LinkedHashMap<>(java.util.Map.of(History.LOSS, value)));
        }
        // 1, then 0.8 * 1 + 0.2 * 0 = 0.8, then 0.8 * 0.8 + 0.2 * 1 = 0.84.
        assertEquals(java.util.List.of(1.0, 0.8, 0.8400000000000001), raw.smoothed(0.8).get(History.LOSS));
        assertEquals(raw.get(History.LOSS), raw.smoothed(0).get(History.LOSS));
        assertEquals(java.util.List.of(1.0, 0.0, 1.0), raw.get(History.LOSS));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> raw.smoothed(1));
    }

    @Test
    void anUnknownKeyNamesTheKnownOnes() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> twoEpochs(1, 2).get("val_loss"));
        assertTrue(error.getMessage().contains("[loss]"), error.getMessage());
    }

    @Test
    void epochsMustReportTheSameKeys() {
        History history = twoEpochs(1, 2);
        assertThrows(IllegalArgumentException.class, () -> history.add(Map.of("accuracy", 0.5)));
    }

    @Test
    void aMalformedCsvLineIsNamed() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> History.fromCsv("epoch,loss\n1,0.5,0.7\n", "h.csv"));
        assertTrue(error.getMessage().contains("h.csv line 2"), error.getMessage());
    }
}
