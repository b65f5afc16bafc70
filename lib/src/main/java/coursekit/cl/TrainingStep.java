package coursekit.cl;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * One training batch as a {@link Plugin#loss} sees it. The logits cover the active output units
 * only (the classes seen so far, or with a head per task the heads of the tasks seen so far), and the
 * labels index into them; {@link #allLogits()} and {@link #oldHeads()} reach the units of earlier
 * experiences. With a head per task the trainer's own loss takes each image's softmax over its own
 * task's head, and a batch may hold images of earlier tasks that a plugin added (exemplars).
 */
public final class TrainingStep {

    /** Output units {@code from} (inclusive) to {@code to} (exclusive) of the whole output layer. */
    public record Units(int from, int to) {

        /** The number of units. */
        public int size() {
            return to - from;
        }

        /** These units' columns of (N, units) logits. */
        public NDArray of(NDArray logits) {
            return logits.get(":, " + from + ":" + to);
        }
    }

    private final NDArray inputs;
    private final NDArray allLogits;
    private final NDArray logits;
    private final NDArray labels;
    private final int oldClasses;
    private final List<Units> oldHeads;
    private final List<NDArray> weights;

    TrainingStep(NDArray inputs, NDArray allLogits, Units active, NDArray labels, int oldClasses, List<Units> oldHeads,
            List<NDArray> weights) {
        this.inputs = inputs;
        this.allLogits = allLogits;
        this.logits = active.of(allLogits);
        this.labels = labels;
        this.oldClasses = oldClasses;
        this.oldHeads = List.copyOf(oldHeads);
        this.weights = weights;
    }

    /** The batch of images, (N, C, H, W) floats in [0, 1]. */
    public NDArray inputs() {
        return inputs;
    }

    /** The network's logits on the active units, (N, activeClasses), from unit 0. */
    public NDArray logits() {
        return logits;
    }

    /** The network's logits on every output unit, (N, units), of which {@link #logits()} is a slice. */
    public NDArray allLogits() {
        return allLogits;
    }

    /**
     * The output units that answered for earlier experiences, in {@link #allLogits()}: one block of
     * the old classes in a class-incremental stream, one block per earlier task's head in a
     * task-incremental one; empty in the first experience.
     */
    public List<Units> oldHeads() {
        return oldHeads;
    }

    /** Each image's label as an index into {@link #logits()}'s columns (with a head per task, its unit in its own task's head), (N) integers. */
    public NDArray labels() {
        return labels;
    }

    /** How many of the active units belong to classes (or heads) of earlier experiences (they come first). */
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
