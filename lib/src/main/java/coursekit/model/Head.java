package coursekit.model;

/**
 * What a network's last layer means: one logit read through a sigmoid (two classes, Keras's
 * {@code Dense(1, activation='sigmoid')}), or one logit per class read through a softmax.
 */
public enum Head {
    /** One output unit; probability of class 1 is sigmoid(logit). */
    SIGMOID,
    /** One output unit per class; probabilities are softmax(logits). */
    SOFTMAX;

    /** The head for a network with {@code outputs} units. */
    public static Head forOutputs(int outputs) {
        if (outputs < 1) {
            throw new IllegalArgumentException("A network needs at least one output, but got outputs=" + outputs + ".");
        }
        return outputs == 1 ? SIGMOID : SOFTMAX;
    }
}
