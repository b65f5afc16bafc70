package coursekit.cl;

import java.util.Arrays;
import java.util.Objects;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The accuracy matrix {@code R[i][j]}: accuracy on the test set of experience {@code j} after training on experience
 * {@code i}, with the standard continual-learning metrics computed from it.
 *
 * <p>Accuracies are fractions in [0, 1]. Entries not measured (e.g. {@code j > i}, when a run evaluates only on
 * what it has seen) are {@code NaN}; the metrics read only {@code j <= i}, which must all be measured.
 *
 * <p>Average accuracy after experience {@code i} is the mean of {@code R[i][0..i]}, one vote per experience. On a
 * class-incremental benchmark whose test sets are balanced (the same number of images per class, as in the embedded
 * MNIST's and Fashion-MNIST's 200 and CIFAR-100's 100), this equals the accuracy on the union of the classes seen so far; where they are not balanced
 * the two differ, and this class reports the mean over experiences.
 */
public final class AccuracyMatrix {

    private final String strategy;
    private final double[][] r;
    private final int[] classesSeen;

    /**
     * @param strategy the strategy's name, e.g. {@code Naive}; runs with the same name are one strategy in a
     *     {@link Comparison}
     * @param r {@code T x T} accuracies in [0, 1], {@code NaN} where not measured above the diagonal
     * @param classesSeen {@code classesSeen[i]}: how many classes the learner had seen after experience {@code i}
     */
    public AccuracyMatrix(String strategy, double[][] r, int[] classesSeen) {
        this.strategy = Objects.requireNonNull(strategy, "strategy");
        int t = r.length;
        if (t == 0) {
            throw new IllegalArgumentException("An accuracy matrix needs at least one experience, but " + strategy + "'s is empty.");
        }
        if (classesSeen.length != t) {
            throw new IllegalArgumentException("classesSeen needs one entry per experience (" + t + "), but got "
                    + classesSeen.length + " for " + strategy + ".");
        }
        this.r = new double[t][];
        for (int i = 0; i < t; i++) {
            if (r[i].length != t) {
                throw new IllegalArgumentException("An accuracy matrix must be square, but row " + i + " of " + strategy
                        + "'s has " + r[i].length + " entries for " + t + " experiences.");
            }
            for (int j = 0; j < t; j++) {
                double v = r[i][j];
                boolean measured = v >= 0 && v <= 1;
                if (!measured && !(Double.isNaN(v) && j > i)) {
                    throw new IllegalArgumentException("R[" + i + "][" + j + "] of " + strategy + " is " + v
                            + "; accuracies must be fractions in [0, 1] (NaN is allowed only above the diagonal).");
                }
            }
            this.r[i] = r[i].clone();
        }
        this.classesSeen = classesSeen.clone();
    }

    /** The same as the constructor, for symmetry with the other factories. */
    public static AccuracyMatrix of(String strategy, double[][] r, int[] classesSeen) {
        return new AccuracyMatrix(strategy, r, classesSeen);
    }

    public String strategy() {
        return strategy;
    }

    /** The same accuracies under another name, e.g. the setting a run varied ("LwF, lambda 2.0"). */
    public AccuracyMatrix named(String name) {
        return new AccuracyMatrix(name, r, classesSeen);
    }

    /** Number of experiences, {@code T}. */
    public int experiences() {
        return r.length;
    }

    /** {@code R[i][j]}: accuracy on experience {@code j}'s test set after training on experience {@code i}. */
    public double get(int i, int j) {
        return r[i][j];
    }

    /** A copy of the whole matrix. */
    public double[][] values() {
        double[][] copy = new double[r.length][];
        for (int i = 0; i < r.length; i++) {
            copy[i] = r[i].clone();
        }
        return copy;
    }

    /** A copy of {@code classesSeen}: how many classes the learner had seen after each experience. */
    public int[] classesSeen() {
        return classesSeen.clone();
    }

    /** Average accuracy after experience {@code i}: the mean of {@code R[i][0..i]} (see the class comment). */
    public double averageAccuracy(int i) {
        double sum = 0;
        for (int j = 0; j <= i; j++) {
            sum += r[i][j];
        }
        return sum / (i + 1);
    }

    /**
     * Average incremental accuracy (Rebuffi et al., iCaRL, https://arxiv.org/abs/1611.07725): the mean over
     * {@code i} of {@link #averageAccuracy(int)}, so one number for the whole curve.
     */
    public double averageIncrementalAccuracy() {
        double sum = 0;
        for (int i = 0; i < r.length; i++) {
            sum += averageAccuracy(i);
        }
        return sum / r.length;
    }

    /** Average accuracy after the last experience. */
    public double finalAccuracy() {
        return averageAccuracy(r.length - 1);
    }

    /**
     * Forgetting (Chaudhry et al., 2018, https://arxiv.org/abs/1801.10112): for each experience {@code j} but the
     * last, the best accuracy it had once learned ({@code max R[l][j]} over {@code j <= l < T-1}) minus its final
     * accuracy {@code R[T-1][j]}, averaged. The best is taken from {@code l = j} on because before experience
     * {@code j} is learned its accuracy says nothing about forgetting. 0 when there is one experience.
     */
    public double forgetting() {
        int last = r.length - 1;
        if (last == 0) {
            return 0;
        }
        double sum = 0;
        for (int j = 0; j < last; j++) {
            double best = Double.NEGATIVE_INFINITY;
            for (int l = j; l < last; l++) {
                best = Math.max(best, r[l][j]);
            }
            sum += best - r[last][j];
        }
        return sum / last;
    }

    /**
     * Backward transfer (Lopez-Paz and Ranzato, GEM, https://arxiv.org/abs/1706.08840): the mean over {@code j < T-1}
     * of {@code R[T-1][j] - R[j][j]}; negative when learning later experiences hurt earlier ones. 0 when there is one
     * experience.
     */
    public double backwardTransfer() {
        int last = r.length - 1;
        if (last == 0) {
            return 0;
        }
        double sum = 0;
        for (int j = 0; j < last; j++) {
            sum += r[last][j] - r[j][j];
        }
        return sum / last;
    }

    /**
     * {@code R} as a table: a column {@code after} with rows {@code after experience i}, then one column {@code exp j}
     * per experience; unmeasured entries are missing values.
     */
    public Table toTable() {
        Table table = Table.create("R: " + strategy);
        StringColumn after = StringColumn.create("after");
        for (int i = 0; i < r.length; i++) {
            after.append("after experience " + i);
        }
        table.addColumns(after);
        for (int j = 0; j < r.length; j++) {
            DoubleColumn column = DoubleColumn.create("exp " + j);
            for (double[] row : r) {
                if (Double.isNaN(row[j])) {
                    column.appendMissing();
                } else {
                    column.append(row[j]);
                }
            }
            table.addColumns(column);
        }
        return table;
    }

    /**
     * The metrics as a one-row table: {@code strategy}, {@code experiences}, {@value Comparison#AVERAGE_INCREMENTAL},
     * {@value Comparison#FINAL}, {@value Comparison#FORGETTING} and {@value Comparison#BWT}.
     */
    public Table metricsTable() {
        return Table.create("Metrics: " + strategy,
                StringColumn.create("strategy", strategy),
                IntColumn.create("experiences", new int[] {r.length}),
                DoubleColumn.create(Comparison.AVERAGE_INCREMENTAL, averageIncrementalAccuracy()),
                DoubleColumn.create(Comparison.FINAL, finalAccuracy()),
                DoubleColumn.create(Comparison.FORGETTING, forgetting()),
                DoubleColumn.create(Comparison.BWT, backwardTransfer()));
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "AccuracyMatrix[%s, %d experiences, average incremental %.4f, final %.4f, forgetting %.4f, BWT %.4f]",
                strategy, r.length, averageIncrementalAccuracy(), finalAccuracy(), forgetting(), backwardTransfer());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AccuracyMatrix m && m.strategy.equals(strategy) && Arrays.deepEquals(m.r, r)
                && Arrays.equals(m.classesSeen, classesSeen);
    }

    @Override
    public int hashCode() {
        return Objects.hash(strategy, Arrays.deepHashCode(r), Arrays.hashCode(classesSeen));
    }
}
