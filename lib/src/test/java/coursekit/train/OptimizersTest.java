package coursekit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

/** Each rule against its textbook update, computed here in plain Java over a few steps. */
class OptimizersTest {

    private static final float[] START = {0.5f, -1.0f, 2.0f};
    private static final float[][] GRADIENTS = {{0.1f, -0.2f, 0.3f}, {-0.4f, 0.5f, 0.05f}, {0.2f, 0.2f, -0.6f}};

    private static float[] run(Optimizer optimizer, float rate) {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray weight = manager.create(START.clone());
            for (float[] g : GRADIENTS) {
                try (NDArray gradient = manager.create(g)) {
                    optimizer.update("w", weight, gradient, rate);
                }
                optimizer.step();
            }
            return weight.toFloatArray();
        }
    }

    @Test
    void rmspropMatchesTheTextbookUpdate() {
        double lr = 0.01;
        double rho = 0.9;
        double eps = 1e-7;
        double[] w = toDouble(START);
        double[] s = new double[w.length];
        for (float[] g : GRADIENTS) {
            for (int i = 0; i < w.length; i++) {
                s[i] = rho * s[i] + (1 - rho) * g[i] * g[i];
                w[i] -= lr * g[i] / (Math.sqrt(s[i]) + eps);
            }
        }
        assertArrayEquals(toFloat(w), run(Optimizers.rmsprop(lr, rho, eps), (float) lr), 1e-5f);
    }

    @Test
    void adamMatchesTheTextbookUpdate() {
        double lr = 0.01;
        double b1 = 0.9;
        double b2 = 0.999;
        double eps = 1e-7;
        double[] w = toDouble(START);
        double[] m = new double[w.length];
        double[] v = new double[w.length];
        int t = 0;
        for (float[] g : GRADIENTS) {
            t++;
            for (int i = 0; i < w.length; i++) {
                m[i] = b1 * m[i] + (1 - b1) * g[i];
                v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                double mHat = m[i] / (1 - Math.pow(b1, t));
                double vHat = v[i] / (1 - Math.pow(b2, t));
                w[i] -= lr * mHat / (Math.sqrt(vHat) + eps);
            }
        }
        assertArrayEquals(toFloat(w), run(Optimizers.adam(lr, b1, b2, eps), (float) lr), 1e-5f);
    }

    @Test
    void sgdWithMomentumMatchesTheTextbookUpdate() {
        double lr = 0.1;
        double mu = 0.9;
        double[] w = toDouble(START);
        double[] velocity = new double[w.length];
        for (float[] g : GRADIENTS) {
            for (int i = 0; i < w.length; i++) {
                velocity[i] = mu * velocity[i] - lr * g[i];
                w[i] += velocity[i];
            }
        }
        assertArrayEquals(toFloat(w), run(Optimizers.sgd(lr, mu), (float) lr), 1e-5f);
    }

    @Test
    void nonPositiveLearningRateIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Optimizers.rmsprop(0));
        assertThrows(IllegalArgumentException.class, () -> Optimizers.adam(-1e-3));
    }

    @Test
    void anOptimizerRefusesASecondNetwork() {
        Optimizer optimizer = Optimizers.adam(1e-3);
        optimizer.bindTo("first", "first");
        assertThrows(IllegalStateException.class, () -> optimizer.bindTo("second", "second"));
    }

    private static double[] toDouble(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    private static float[] toFloat(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }
}
