package coursekit.cl;

import java.util.Arrays;

/**
 * CWR*'s consolidated weights of one parameter of the output layer (Maltoni and Lomonaco, 2019, "Continuous
 * learning in single-incremental-task scenarios", https://arxiv.org/abs/1806.08568, the CWR* algorithm): one row
 * per class (a dense layer's weight has rows of the features' width, its bias rows of width 1), kept apart from
 * the rows training changes.
 *
 * <p>Before a training batch (an experience) the layer starts from {@link #start}: the consolidated row
 * {@code cw_j} for each class j of the batch (0 for a class never consolidated), 0 for every other class. After
 * it, {@link #consolidate} folds the trained rows {@code tw_j} of the batch's classes into the consolidated
 * ones, each by
 *
 * <pre>
 *   wpast_j = sqrt(past_j / cur_j)
 *   cw_j    = (cw_j * wpast_j + (tw_j - mean)) / (wpast_j + 1)
 *   past_j  = past_j + cur_j
 * </pre>
 *
 * where {@code cur_j} counts the batch's training patterns of class j, {@code past_j} those of the batches
 * before, and {@code mean} is one number, the mean of every value of the batch's trained rows. Subtracting it
 * puts classes trained in different batches on the same footing (each batch's rows are centred the same way),
 * and the square root weighs a class's past against its present by how many patterns each had. The network
 * then answers with the consolidated rows ({@link #consolidated}). These are the equations of the paper's CWR*
 * pseudocode, checked against the authors' code (github.com/vlomonaco/ar1-pytorch: {@code consolidate_weights} in
 * {@code utils.py} takes the mean over the whole block of the batch's rows, and {@code ar1star_lat_replay.py} adds
 * every batch's counts to the past ones after it) and Avalanche's {@code CWRStarPlugin}, which computes the same
 * mean and weighting.
 */
public final class ConsolidatedWeights {

    private final int width;
    private final float[][] rows;
    private final long[] past;

    /** No class consolidated yet, for a layer of {@code units} classes whose rows hold {@code width} values. */
    public ConsolidatedWeights(int units, int width) {
        if (units < 1 || width < 1) {
            throw new IllegalArgumentException("Consolidated weights need at least one class and one value per row, but got units="
                    + units + ", width=" + width + ".");
        }
        this.width = width;
        this.rows = new float[units][];
        this.past = new long[units];
    }

    /** Number of classes (rows). */
    public int units() {
        return rows.length;
    }

    /** How many training patterns of class {@code j} were consolidated so far ({@code past_j}). */
    public long past(int j) {
        return past[j];
    }

    /**
     * The values the layer starts a batch from, row after row ({@code units * width}): {@code cw_j} for each
     * class with {@code counts[j] > 0} (zeros if it was never consolidated), zeros for every other class.
     *
     * @param counts the batch's training patterns per class ({@code cur_j}), one per unit
     */
    public float[] start(long[] counts) {
        checkCounts(counts);
        float[] values = new float[rows.length * width];
        for (int j = 0; j < rows.length; j++) {
            if (counts[j] > 0 && rows[j] != null) {
                System.arraycopy(rows[j], 0, values, j * width, width);
            }
        }
        return values;
    }

    /**
     * Folds the trained rows of the batch's classes (those with {@code counts[j] > 0}) into the consolidated
     * ones, then adds the counts to the past ones.
     *
     * @param trained the layer's values after training on the batch, row after row ({@code units * width});
     *     only the batch's rows are read
     * @param counts the batch's training patterns per class ({@code cur_j}), one per unit
     */
    public void consolidate(float[] trained, long[] counts) {
        checkCounts(counts);
        if (trained.length != rows.length * width) {
            throw new IllegalArgumentException("The trained layer must hold " + rows.length + " rows of " + width + " values, "
                    + rows.length * width + " in all, but got " + trained.length + ".");
        }
        double sum = 0;
        long batchRows = 0;
        for (int j = 0; j < rows.length; j++) {
            if (counts[j] > 0) {
                for (int k = 0; k < width; k++) {
                    sum += trained[j * width + k];
                }
                batchRows++;
            }
        }
        if (batchRows == 0) {
            return;
        }
        double mean = sum / (batchRows * width);
        for (int j = 0; j < rows.length; j++) {
            if (counts[j] == 0) {
                continue;
            }
            double wpast = Math.sqrt((double) past[j] / counts[j]);
            float[] row = rows[j] == null ? new float[width] : rows[j];
            for (int k = 0; k < width; k++) {
                row[k] = (float) ((row[k] * wpast + (trained[j * width + k] - mean)) / (wpast + 1));
            }
            rows[j] = row;
            past[j] += counts[j];
        }
    }

    /** The values the network answers with, row after row ({@code units * width}): {@code cw_j}, zeros for a class never consolidated. */
    public float[] consolidated() {
        float[] values = new float[rows.length * width];
        for (int j = 0; j < rows.length; j++) {
            if (rows[j] != null) {
                System.arraycopy(rows[j], 0, values, j * width, width);
            }
        }
        return values;
    }

    private void checkCounts(long[] counts) {
        if (counts.length != rows.length || Arrays.stream(counts).anyMatch(c -> c < 0)) {
            throw new IllegalArgumentException("The batch needs one count of at least 0 per class, " + rows.length + " in all, but got counts="
                    + Arrays.toString(counts) + ".");
        }
    }
}
