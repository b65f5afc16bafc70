package coursekit.plot;

import coursekit.train.Evaluation;
import coursekit.train.History;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Tablesaw tables that sum up training runs, for a notebook to show. */
public final class Tables {

    private Tables() {}

    /**
     * One row per run: its epochs and its training and validation accuracy after the last epoch, and, from
     * {@code tests} (one per run, in the runs' order), its test accuracy.
     */
    public static Table afterLastEpoch(Map<String, History> runs, Evaluation... tests) {
        if (tests.length != runs.size()) {
            throw new IllegalArgumentException("Give one test evaluation per run, in the runs' order: " + runs.size() + " runs "
                    + runs.keySet() + " but " + tests.length + " evaluations.");
        }
        List<History> histories = new ArrayList<>(runs.values());
        Table table = Table.create("After the last epoch", StringColumn.create("run", runs.keySet()),
                IntColumn.create("epochs", histories.stream().mapToInt(History::epochs).toArray()),
                DoubleColumn.create("training accuracy", histories.stream().mapToDouble(h -> h.last(History.ACCURACY)).toArray()),
                DoubleColumn.create("validation accuracy", histories.stream().mapToDouble(h -> h.last(History.VAL_ACCURACY)).toArray()));
        double[] test = new double[tests.length];
        for (int i = 0; i < tests.length; i++) {
            test[i] = tests[i].accuracy();
        }
        return table.addColumns(DoubleColumn.create("test accuracy", test));
    }
}
