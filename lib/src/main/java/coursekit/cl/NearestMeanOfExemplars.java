package coursekit.cl;

import java.util.Arrays;

/**
 * iCaRL's classifier (Rebuffi et al., 2017, https://arxiv.org/abs/1611.07725, Algorithm 1): an
 * image belongs to the class whose exemplars' mean feature is nearest to its own feature, all
 * features L2-normalised. It needs no output layer, so it does not share the output layer's bias
 * towards the classes trained last.
 */
public final class NearestMeanOfExemplars {

    private final double[][] means;

    private NearestMeanOfExemplars(double[][] means) {
        this.means = means;
    }

    /**
     * The classifier for exemplar features given per class: {@code exemplars[c]} holds the features
     * of class c's exemplars (null or empty for a class with none, which is then never predicted).
     * Each class mean is the mean of normalised features, normalised again, as in the paper.
     */
    public static NearestMeanOfExemplars fit(double[][][] exemplars) {
        double[][] means = new double[exemplars.length][];
        boolean any = false;
        for (int c = 0; c < exemplars.length; c++) {
            if (exemplars[c] != null && exemplars[c].length > 0) {
                means[c] = Vectors.normalized(Vectors.mean(Vectors.normalizedRows(exemplars[c])));
                any = true;
            }
        }
        if (!any) {
            throw new IllegalArgumentException("Nearest-mean-of-exemplars classification needs exemplars of at least one class, but "
                    + "all " + exemplars.length + " classes have none.");
        }
        return new NearestMeanOfExemplars(means);
    }

    /** Number of classes (some may have no mean). */
    public int numClasses() {
        return means.length;
    }

    /** The normalised mean of class {@code c}, or null when it had no exemplars. */
    public double[] mean(int c) {
        return means[c] == null ? null : means[c].clone();
    }

    /** The class of each feature row. */
    public int[] predict(double[][] features) {
        int[] predicted = new int[features.length];
        for (int n = 0; n < features.length; n++) {
            double[] scores = scores(features[n]);
            int best = 0;
            for (int c = 1; c < scores.length; c++) {
                if (scores[c] > scores[best]) {
                    best = c;
                }
            }
            predicted[n] = best;
        }
        return predicted;
    }

    /**
     * The negative squared distance of the normalised {@code feature} to each class mean (higher is
     * nearer), negative infinity for classes without exemplars: scores that take an argmax like logits.
     */
    public double[] scores(double[] feature) {
        double[] x = Vectors.normalized(feature);
        double[] scores = new double[means.length];
        Arrays.fill(scores, Double.NEGATIVE_INFINITY);
        for (int c = 0; c < means.length; c++) {
            if (means[c] != null) {
                if (means[c].length != x.length) {
                    throw new IllegalArgumentException("A feature of length " + x.length + " cannot be compared with class means of length "
                            + means[c].length + "; extract features with the same network layer.");
                }
                scores[c] = -Vectors.squaredDistance(x, means[c]);
            }
        }
        return scores;
    }
}
