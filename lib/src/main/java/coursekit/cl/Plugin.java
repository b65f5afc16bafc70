package coursekit.cl;

import ai.djl.ndarray.NDArray;

/**
 * What makes one continual-learning strategy differ from plain fine-tuning, hooked into the one
 * loop of {@link ContinualTrainer} (Avalanche's strategy plugins; JUnit 5's extensions). Each hook
 * sees a narrow context, never the trainer or the test data, and does nothing unless overridden.
 */
public interface Plugin extends AutoCloseable {

    /** Before training on an experience: add training data (exemplars, old experiences), snapshot the network. */
    default void beforeExperience(ExperienceStart start) {}

    /**
     * The loss of one training batch: returns {@code loss} itself or a replacement (e.g. with a
     * distillation or EWC term added). Runs inside the gradient collector, so what it returns is
     * differentiated.
     */
    default NDArray loss(TrainingStep step, NDArray loss) {
        return loss;
    }

    /** After training on an experience: choose exemplars, compute class means or the Fisher information. */
    /**
     * After the backward pass of a training batch, before the optimizer's update: the gradients are on
     * {@code step.weights()} (e.g. for Synaptic Intelligence's path integral).
     */
    default void afterBackward(TrainingStep step) {}

    default void afterExperience(ExperienceEnd end) {}

    /**
     * Scores to classify a test batch by, (N, activeClasses), highest wins; null (the default)
     * classifies by the network's logits. iCaRL's nearest mean of exemplars answers here.
     *
     * @param features the network's penultimate features of the batch, (N, features)
     */
    default NDArray scores(NDArray features, int activeClasses) {
        return null;
    }

    /** Frees what the plugin holds (old networks, Fisher arrays); the trainer calls it at the end of a run. */
    @Override
    default void close() {}
}
