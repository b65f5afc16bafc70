package coursekit.cl;

/** The little vector arithmetic that herding and nearest-mean classification share, on plain arrays. */
final class Vectors {

    private Vectors() {}

    /** {@code v / ||v||}; a zero vector stays zero rather than becoming NaN. */
    static double[] normalized(double[] v) {
        double norm = Math.sqrt(dot(v, v));
        double[] out = new double[v.length];
        if (norm > 0) {
            for (int i = 0; i < v.length; i++) {
                out[i] = v[i] / norm;
            }
        }
        return out;
    }

    static double[][] normalizedRows(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = normalized(rows[i]);
        }
        return out;
    }

    /** The mean of the rows; every row must have the same length. */
    static double[] mean(double[][] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("The mean of no vectors is undefined; give at least one feature vector.");
        }
        double[] mean = new double[rows[0].length];
        for (double[] row : rows) {
            if (row.length != mean.length) {
                throw new IllegalArgumentException("Feature vectors must all have the same length, but got " + mean.length + " and "
                        + row.length + ".");
            }
            for (int d = 0; d < mean.length; d++) {
                mean[d] += row[d] / rows.length;
            }
        }
        return mean;
    }

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    static double squaredDistance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return sum;
    }
}
