package coursekit.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import coursekit.engine.Scalars;
import coursekit.model.Head;

/** The cross-entropy losses that match a network's head, computed from logits for numerical stability. */
public final class Losses {

    private Losses() {}

    /** Mean loss of {@code logits} against {@code labels} for the given head. */
    public static NDArray crossEntropy(Head head, NDArray logits, NDArray labels) {
        return head == Head.SIGMOID ? binaryCrossEntropy(logits, labels) : softmaxCrossEntropy(logits, labels);
    }

    /**
     * Binary cross-entropy of sigmoid(logits) against 0/1 labels, in the form
     * max(x, 0) - x*y + log(1 + exp(-|x|)) that never takes the log of 0.
     */
    public static NDArray binaryCrossEntropy(NDArray logits, NDArray labels) {
        NDArray softplus = logits.abs().neg().exp().add(1f).log();
        return Scalars.maximum(logits, 0).sub(logits.mul(labels)).add(softplus).mean();
    }

    /** Cross-entropy of softmax(logits) against class indices. */
    public static NDArray softmaxCrossEntropy(NDArray logits, NDArray labels) {
        NDArray oneHot = labels.toType(DataType.INT64, false).oneHot((int) logits.getShape().get(1));
        return logits.logSoftmax(1).mul(oneHot).sum(new int[] {1}).neg().mean();
    }

    /** Number of correct predictions in a batch. */
    public static long correct(Head head, NDArray logits, NDArray labels) {
        NDArray predicted = head == Head.SIGMOID
                ? logits.gt(0f).toType(DataType.FLOAT32, false)
                : logits.argMax(1).toType(DataType.INT32, false);
        NDArray truth = head == Head.SIGMOID ? labels : labels.toType(DataType.INT32, false);
        return predicted.eq(truth).sum().toType(DataType.INT64, false).getLong();
    }
}
