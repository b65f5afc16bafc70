package coursekit.cl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class ComparisonTest {

    private static AccuracyMatrix run(String strategy, double final0, double final1) {
        return new AccuracyMatrix(strategy, new double[][] {{1.0, Double.NaN}, {final0, final1}}, new int[] {2, 4});
    }

    // Naive runs: final accuracies (0.0 + 1.0) / 2 = 0.5 and (0.2 + 1.0) / 2 = 0.6: mean 0.55, sample std 0.0707.
    // Forgetting 1.0 and 0.8: mean 0.9, std 0.1414. BWT -1.0 and -0.8.
    private final Comparison comparison = Comparison.of(List.of(
            run("Naive", 0.0, 1.0), run("LwF", 0.6, 0.8), run("Naive", 0.2, 1.0)));

    @Test
    void strategiesKeepTheOrderTheyFirstAppearIn() {
        assertEquals(List.of("Naive", "LwF"), comparison.strategies());
        assertEquals(2, comparison.runs("Naive").size());
    }

    @Test
    void meanAndSampleStdOverRunsOfOneStrategy() {
        Comparison.Stat s = comparison.stat("Naive", Comparison.FINAL);
        assertEquals(0.55, s.mean(), 1e-12);
        assertEquals(Math.sqrt(0.005), s.std(), 1e-12);
        Comparison.Stat f = comparison.stat("Naive", Comparison.FORGETTING);
        assertEquals(0.9, f.mean(), 1e-12);
        assertEquals(Math.sqrt(0.02), f.std(), 1e-12);
        assertEquals(-0.9, comparison.stat("Naive", Comparison.BWT).mean(), 1e-12);
    }

    @Test
    void singleRunHasZeroStd() {
        assertEquals(0.0, comparison.stat("LwF", Comparison.FINAL).std());
    }

    @Test
    void tableHasOneRowPerStrategyAndMeanAndStdColumns() {
        Table t = comparison.toTable();
        assertEquals(2, t.rowCount());
        assertEquals(2 + 2 * Comparison.METRICS.size(), t.columnCount());
        assertEquals(0.55, t.doubleColumn("final accuracy mean").get(0), 1e-12);
        assertEquals(1, t.intColumn("runs").get(1));
    }

    @Test
    void markdownShowsPercentMeanPlusMinusStd() {
        String md = comparison.toMarkdown();
        assertTrue(md.startsWith("| strategy | runs |"), md);
        assertTrue(md.contains("| Naive | 2 | 77.5 ± 3.5 | 55.0 ± 7.1 | 90.0 ± 14.1 | -90.0 ± 14.1 |"), md);
        assertEquals(4, md.lines().count());
    }

    @Test
    void unknownStrategyOrMetricIsNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> comparison.stat("EWC", Comparison.FINAL));
        assertTrue(e.getMessage().contains("'EWC'"), e.getMessage());
        var m = assertThrows(IllegalArgumentException.class, () -> comparison.stat("Naive", "accuracy"));
        assertTrue(m.getMessage().contains("'accuracy'"), m.getMessage());
    }

    @Test
    void noRunsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Comparison.of(List.of()));
    }
    @Test
    void accuracyCurveIsTheMeanAverageAccuracyAfterEachExperience() {
        List<Comparison.Stat> curve = comparison.accuracyCurve("Naive");
        assertEquals(2, curve.size());
        assertEquals(1.0, curve.get(0).mean(), 1e-12);
        assertEquals(0.55, curve.get(1).mean(), 1e-12);
        assertEquals(2, curve.get(1).runs());
    }

    @Test
    void runsOfOneStrategyMustHaveTheSameLength() {
        AccuracyMatrix shorter = new AccuracyMatrix("Naive", new double[][] {{0.5}}, new int[] {2});
        Comparison mixed = Comparison.of(List.of(run("Naive", 0.0, 1.0), shorter));
        var e = assertThrows(IllegalArgumentException.class, () -> mixed.accuracyCurve("Naive"));
        assertTrue(e.getMessage().contains("2 and 1 experiences"), e.getMessage());
    }
}
