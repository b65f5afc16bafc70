package coursekit.cl;

import java.util.Arrays;

/**
 * iCaRL's exemplar selection by herding (Rebuffi, Kolesnikov, Sperl and Lampert, 2017,
 * https://arxiv.org/abs/1611.07725, Algorithm 4; after Welling, 2009): pick, one at a time, the
 * image whose feature brings the mean of the picked ones closest to the class mean.
 */
public final class Herding {

    private Herding() {}

    /**
     * The indices of {@code m} rows of {@code features} chosen by herding, in the order they were
     * chosen, so that any prefix is itself a herding selection: iCaRL shrinks a class's exemplar
     * set by keeping its first exemplars. Features are L2-normalised first, as in the paper; no row
     * is picked twice.
     *
     * @param features one row per image of a single class (e.g. penultimate-layer activations)
     * @param m how many to select, at most the number of rows
     */
    public static int[] select(double[][] features, int m) {
        if (m < 0 || m > features.length) {
            throw new IllegalArgumentException("Herding selects from 0 to " + features.length + " of the " + features.length
                    + " feature vectors given, but got m=" + m + ".");
        }
        double[][] normalized = Vectors.normalizedRows(features);
        double[] mean = Vectors.mean(normalized);
        int dim = mean.length;
        double[] sum = new double[dim];
        boolean[] taken = new boolean[features.length];
        int[] chosen = new int[m];
        for (int k = 1; k <= m; k++) {
            int best = -1;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int i = 0; i < normalized.length; i++) {
                if (taken[i]) {
                    continue;
                }
                double distance = 0;
                for (int d = 0; d < dim; d++) {
                    double gap = mean[d] - (sum[d] + normalized[i][d]) / k;
                    distance += gap * gap;
                }
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = i;
                }
            }
            taken[best] = true;
            chosen[k - 1] = best;
            for (int d = 0; d < dim; d++) {
                sum[d] += normalized[best][d];
            }
        }
        return chosen;
    }

    /**
     * How far the mean of the selected rows lies from the mean of all rows, both of L2-normalised
     * features: the quantity herding makes small.
     */
    public static double meanGap(double[][] features, int[] selected) {
        double[][] normalized = Vectors.normalizedRows(features);
        double[][] picked = new double[selected.length][];
        for (int i = 0; i < selected.length; i++) {
            picked[i] = normalized[selected[i]];
        }
        return Math.sqrt(Vectors.squaredDistance(Vectors.mean(normalized), Vectors.mean(picked)));
    }

    /** {@code m} distinct indices of {@code 0..n-1} drawn uniformly with {@code random}: iCaRL's ablation against herding. */
    public static int[] random(int n, int m, java.util.Random random) {
        if (m < 0 || m > n) {
            throw new IllegalArgumentException("Random selection takes from 0 to " + n + " of " + n + " items, but got m=" + m + ".");
        }
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        for (int i = 0; i < m; i++) {
            int j = i + random.nextInt(n - i);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return Arrays.copyOf(order, m);
    }
}
