package coursekit.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coursekit.train.Evaluation;
import coursekit.train.History;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class TablesTest {

    @Test
    void oneRowPerRunWithTheLastEpochAndTheTestAccuracy() {
        Map<String, History> runs = new LinkedHashMap<>();
        runs.put("plain", Fixtures.fullHistory());
        runs.put("augmented", Fixtures.fullHistory());
        Table table = Tables.afterLastEpoch(runs, new Evaluation(0.5, 0.70, 100), new Evaluation(0.4, 0.80, 100));
        assertEquals(2, table.rowCount());
        assertEquals("augmented", table.stringColumn("run").get(1));
        assertEquals(4, table.intColumn("epochs").get(0));
        assertEquals(0.83, table.doubleColumn("training accuracy").get(0), 1e-12);
        assertEquals(0.71, table.doubleColumn("validation accuracy").get(1), 1e-12);
        assertEquals(0.80, table.doubleColumn("test accuracy").get(1), 1e-12);
    }

    @Test
    void aMissingTestEvaluationIsNamed() {
        Map<String, History> runs = Map.of("plain", Fixtures.fullHistory());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tables.afterLastEpoch(runs));
        assertTrue(e.getMessage().contains("1 runs [plain] but 0 evaluations"), e.getMessage());
    }
}
