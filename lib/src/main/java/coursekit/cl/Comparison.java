package coursekit.cl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Strategies compared over several runs (seeds): each metric as mean ± standard deviation over the runs of the same
 * strategy.
 *
 * <pre>{@code
 * var comparison = Comparison.of(List.of(naiveSeed1, naiveSeed2, lwfSeed1, lwfSeed2));
 * display(comparison.toTable());
 * Files.writeString(doc, comparison.toMarkdown());
 * }</pre>
 *
 * <p>Runs belong to the same strategy when their {@link AccuracyMatrix#strategy()} names are equal; strategies keep
 * the order in which they first appear. The standard deviation is the sample one (divided by {@code n - 1}), 0 for
 * a single run.
 */
public final class Comparison {

    /** Column name of {@link AccuracyMatrix#averageIncrementalAccuracy()}. */
    public static final String AVERAGE_INCREMENTAL = "average incremental accuracy";
    /** Column name of {@link AccuracyMatrix#finalAccuracy()}. */
    public static final String FINAL = "final accuracy";
    /** Column name of {@link AccuracyMatrix#forgetting()}. */
    public static final String FORGETTING = "forgetting";
    /** Column name of {@link AccuracyMatrix#backwardTransfer()}. */
    public static final String BWT = "backward transfer";

    /** The metrics in the order the tables show them. */
    public static final List<String> METRICS = List.of(AVERAGE_INCREMENTAL, FINAL, FORGETTING, BWT);

    private static final Map<String, ToDoubleFunction<AccuracyMatrix>> METRIC_FUNCTIONS = Map.of(
            AVERAGE_INCREMENTAL, AccuracyMatrix::averageIncrementalAccuracy,
            FINAL, AccuracyMatrix::finalAccuracy,
            FORGETTING, AccuracyMatrix::forgetting,
            BWT, AccuracyMatrix::backwardTransfer);

    /** A metric over the runs of one strategy. */
    public record Stat(double mean, double std, int runs) {

        /** Mean and sample standard deviation (0 for one value) of some values. */
        public static Stat of(double... values) {
            if (values.length == 0) {
                throw new IllegalArgumentException("A mean needs at least one value, but got none.");
            }
            double mean = 0;
            for (double v : values) {
                mean += v;
            }
            mean /= values.length;
            double squares = 0;
            for (double v : values) {
                squares += (v - mean) * (v - mean);
            }
            double std = values.length > 1 ? Math.sqrt(squares / (values.length - 1)) : 0;
            return new Stat(mean, std, values.length);
        }

        /** {@code mean ± std} in percent with one decimal, e.g. {@code 19.8 ± 0.3}. */
        public String percent() {
            return String.format(Locale.ROOT, "%.1f ± %.1f", 100 * mean, 100 * std);
        }
    }

    private final Map<String, List<AccuracyMatrix>> runs;

    private Comparison(Map<String, List<AccuracyMatrix>> runs) {
        this.runs = runs;
    }

    /** Groups the runs by strategy; there must be at least one run. */
    public static Comparison of(List<AccuracyMatrix> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("A comparison needs at least one run, but got none.");
        }
        Map<String, List<AccuracyMatrix>> grouped = new LinkedHashMap<>();
        for (AccuracyMatrix run : runs) {
            grouped.computeIfAbsent(run.strategy(), s -> new ArrayList<>()).add(run);
        }
        grouped.replaceAll((s, list) -> List.copyOf(list));
        return new Comparison(grouped);
    }

    /** The strategies, in the order they first appear. */
    public List<String> strategies() {
        return List.copyOf(runs.keySet());
    }

    /** The runs of one strategy. */
    public List<AccuracyMatrix> runs(String strategy) {
        List<AccuracyMatrix> list = runs.get(strategy);
        if (list == null) {
            throw new IllegalArgumentException("This comparison has no strategy '" + strategy + "'; it has " + strategies() + ".");
        }
        return list;
    }

    /** One of {@link #METRICS} over the runs of one strategy. */
    public Stat stat(String strategy, String metric) {
        ToDoubleFunction<AccuracyMatrix> f = METRIC_FUNCTIONS.get(metric);
        if (f == null) {
            throw new IllegalArgumentException("Unknown metric '" + metric + "'; use one of " + METRICS + ".");
        }
        return Stat.of(runs(strategy).stream().mapToDouble(f).toArray());
    }

    /**
     * The average accuracy after each experience ({@link AccuracyMatrix#averageAccuracy(int)}) over the runs of one
     * strategy, which must all have the same number of experiences: the curve of accuracy against classes seen.
     */
    public List<Stat> accuracyCurve(String strategy) {
        List<AccuracyMatrix> list = runs(strategy);
        int t = experiences(strategy);
        List<Stat> curve = new ArrayList<>();
        for (int i = 0; i < t; i++) {
            int step = i;
            curve.add(Stat.of(list.stream().mapToDouble(m -> m.averageAccuracy(step)).toArray()));
        }
        return curve;
    }

    /** How many classes the runs of one strategy had seen after each experience; the runs must agree. */
    public int[] classesSeen(String strategy) {
        experiences(strategy);
        List<AccuracyMatrix> list = runs(strategy);
        int[] first = list.get(0).classesSeen();
        for (AccuracyMatrix m : list) {
            if (!java.util.Arrays.equals(m.classesSeen(), first)) {
                throw new IllegalArgumentException("The runs of " + strategy + " saw classes in different steps ("
                        + java.util.Arrays.toString(first) + " and " + java.util.Arrays.toString(m.classesSeen())
                        + "); compare runs of the same scenario cut.");
            }
        }
        return first;
    }

    private int experiences(String strategy) {
        List<AccuracyMatrix> list = runs(strategy);
        int t = list.get(0).experiences();
        for (AccuracyMatrix m : list) {
            if (m.experiences() != t) {
                throw new IllegalArgumentException("The runs of " + strategy + " have " + t + " and " + m.experiences()
                        + " experiences; compare runs of the same scenario.");
            }
        }
        return t;
    }

    /**
     * One row per strategy: {@code strategy}, {@code runs}, then for each metric a column {@code <metric> mean} and
     * a column {@code <metric> std}, as fractions.
     */
    public Table toTable() {
        StringColumn strategy = StringColumn.create("strategy");
        IntColumn count = IntColumn.create("runs");
        Table table = Table.create("Comparison", strategy, count);
        List<DoubleColumn[]> columns = new ArrayList<>();
        for (String metric : METRICS) {
            DoubleColumn mean = DoubleColumn.create(metric + " mean");
            DoubleColumn std = DoubleColumn.create(metric + " std");
            table.addColumns(mean, std);
            columns.add(new DoubleColumn[] {mean, std});
        }
        for (String s : strategies()) {
            strategy.append(s);
            count.append(runs(s).size());
            for (int m = 0; m < METRICS.size(); m++) {
                Stat stat = stat(s, METRICS.get(m));
                columns.get(m)[0].append(stat.mean());
                columns.get(m)[1].append(stat.std());
            }
        }
        return table;
    }

    /** The same as a Markdown table, every metric as {@code mean ± std} in percent (points for forgetting and BWT). */
    public String toMarkdown() {
        StringBuilder md = new StringBuilder("| strategy | runs |");
        StringBuilder rule = new StringBuilder("| --- | ---: |");
        for (String metric : METRICS) {
            md.append(' ').append(metric).append(" (%) |");
            rule.append(" ---: |");
        }
        md.append('\n').append(rule).append('\n');
        for (String s : strategies()) {
            md.append("| ").append(s).append(" | ").append(runs(s).size()).append(" |");
            for (String metric : METRICS) {
                md.append(' ').append(stat(s, metric).percent()).append(" |");
            }
            md.append('\n');
        }
        return md.toString();
    }

    @Override
    public String toString() {
        return toMarkdown();
    }
}
