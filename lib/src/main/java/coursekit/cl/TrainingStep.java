package coursekit.cl;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * One training batch as a {@link Plugin#loss} sees it. The logits cover the active output units
 * only (the classes seen so far, or the current task's head), and the labels index into them.
 */
public final class TrainingStep {

    private final NDArray inputs;
    private final NDArray logits;
    private final NDArray labels;
    private final int oldClasses;
    private final List<NDArray> weights;

    TrainingStep(NDArray inputs, NDArray logits, NDArray labels, int oldClasses, List<NDArray> weights) {
        this.inputs = inputs;
        this.logits = logits;
        this.labels = labels;
        this.oldClasses = oldClasses;
        this.weights = weights;
    }

    /** The batch of images, (N, C, H, W) floats in [0, 1]. */
    public NDArray inputs() {
        return inputs;
    }

    /** The network's logits on the active units, (N, activeClasses). */
    public NDArray logits() {
        return logits;
    }

    /** Each image's label as an index into {@link #logits()}'s columns, (N) integers. */
    public NDArray labels() {
        return labels;
    }

    /** How many of the active units belong to classes of earlier experiences (they come first). */
    public int oldClasses() {
        return oldClasses;
    }

    /** Number of active output units. */
    public int activeClasses() {
        return (int) logits.getShape().get(1);
    }

    /** The trainable weights, live: a penalty on them is differentiated. */
    public List<NDArray> weights() {
        return weights;
    }
}
