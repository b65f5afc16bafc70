package coursekit.cl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.training.GradientCollector;
import coursekit.engine.Scalars;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The diagonal of the empirical Fisher information and the quadratic penalty built on it, the two
 * halves of Elastic Weight Consolidation (Kirkpatrick et al., 2017,
 * https://arxiv.org/abs/1612.00796): weights that mattered for an old experience are tied to the
 * values they had after it, the more strongly the more they mattered.
 */
public final class Fisher {

    private Fisher() {}

    /**
     * The empirical Fisher diagonal {@code F = mean_n (d/dw -log p(y_n | x_n, w))^2}, one array per
     * weight, from one gradient per sample (the square of a batch's mean gradient would be a
     * different, smaller quantity).
     *
     * @param weights the arrays to differentiate; each must collect gradients (setRequiresGradient)
     * @param samples how many samples to average over
     * @param negativeLogLikelihood builds sample n's loss from {@code weights}; called inside a
     *     gradient collector and a scope that closes what it creates
     * @param manager owns the returned arrays
     */
    public static List<NDArray> diagonal(List<NDArray> weights, int samples, IntFunction<NDArray> negativeLogLikelihood,
            NDManager manager) {
        if (samples < 1) {
            throw new IllegalArgumentException("The Fisher information is a mean over samples and needs at least one, but got samples="
                    + samples + ".");
        }
        List<NDArray> fisher = new ArrayList<>();
        for (NDArray weight : weights) {
            fisher.add(manager.zeros(weight.getShape(), weight.getDataType(), weight.getDevice()));
        }
        for (int n = 0; n < samples; n++) {
            try (NDScope scope = new NDScope()) {
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    collector.backward(negativeLogLikelihood.apply(n));
                }
                for (int w = 0; w < weights.size(); w++) {
                    NDArray gradient = weights.get(w).getGradient();
                    fisher.get(w).addi(gradient.square().div((float) samples));
                    // PyTorch adds each backward pass's gradients to the last ones; clear them for the next sample.
                    gradient.subi(gradient);
                }
                scope.suppressNotUsedWarning();
            }
        }
        return fisher;
    }

    /**
     * EWC's penalty {@code lambda / 2 * sum_i F_i (w_i - anchor_i)^2}, differentiable in {@code weights}.
     *
     * @param fisher the Fisher diagonal of an old experience
     * @param anchors the weights as they were after that experience
     * @param weights the weights now, in the same order
     */
    public static NDArray penalty(List<NDArray> fisher, List<NDArray> anchors, List<NDArray> weights, double lambda) {
        if (fisher.size() != anchors.size() || fisher.size() != weights.size() || fisher.isEmpty()) {
            throw new IllegalArgumentException("The EWC penalty needs as many Fisher arrays as anchors and weights (at least one), but got "
                    + fisher.size() + ", " + anchors.size() + " and " + weights.size() + ".");
        }
        NDArray total = null;
        for (int i = 0; i < weights.size(); i++) {
            NDArray term = weights.get(i).sub(anchors.get(i)).square().mul(fisher.get(i)).sum();
            total = total == null ? term : total.add(term);
        }
        return Scalars.mul(total, lambda / 2);
    }
}
