package coursekit.cl;

import ai.djl.ndarray.NDArray;
import coursekit.engine.Scalars;

/**
 * Knowledge distillation between an old and a new network's logits (Hinton, Vinyals and Dean,
 * 2015, https://arxiv.org/abs/1503.02531), the loss that Learning without Forgetting adds to keep
 * the old classes' answers (Li and Hoiem, 2016, https://arxiv.org/abs/1606.09282).
 */
public final class Distillation {

    private Distillation() {}

    /**
     * The temperature-softened Kullback-Leibler divergence from the old network's answers to the
     * new one's, averaged over the batch and scaled by T squared:
     * {@code T^2 * mean_n sum_k p_old[n,k] * (log p_old[n,k] - log p_new[n,k])} with
     * {@code p = softmax(logits / T)} over the old classes only.
     *
     * <p>It differs from Hinton's soft-target cross-entropy by the entropy of the old answers, which
     * does not depend on the new network, so the gradients are the same; the divergence has the
     * advantage of being 0 when the two networks agree. The T squared keeps the gradients' size
     * independent of the temperature, as Hinton et al. recommend.
     *
     * @param newLogits the network being trained, (N, units); only the first {@code oldClasses} units count
     * @param oldLogits the frozen copy from before this experience, (N, at least oldClasses units)
     * @param oldClasses the number of output units the old network was trained on
     * @param temperature T; 1 leaves the probabilities as they are, LwF uses 2
     */
    public static NDArray loss(NDArray newLogits, NDArray oldLogits, int oldClasses, double temperature) {
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("The distillation temperature must be a positive number, but got temperature="
                    + temperature + ".");
        }
        if (oldClasses < 1 || oldClasses > newLogits.getShape().get(1) || oldClasses > oldLogits.getShape().get(1)) {
            throw new IllegalArgumentException("Distillation needs 1 to " + Math.min(newLogits.getShape().get(1), oldLogits.getShape().get(1))
                    + " old classes for logits of shapes " + newLogits.getShape() + " and " + oldLogits.getShape() + ", but got oldClasses="
                    + oldClasses + ".");
        }
        String old = ":, 0:" + oldClasses;
        NDArray logNew = Scalars.div(newLogits.get(old), temperature).logSoftmax(1);
        NDArray logOld = Scalars.div(oldLogits.get(old), temperature).logSoftmax(1).stopGradient();
        return Scalars.mul(logOld.exp().mul(logOld.sub(logNew)).sum(new int[] {1}).mean(), temperature * temperature);
    }
}
