package coursekit.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import coursekit.model.Network;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The one training step every trainer of the kit runs ({@link Fit}, the continual trainer, the training-step
 * benchmark): the forward pass in training mode, the loss, the backward pass, the check that the loss is a
 * number, and the optimizer's update. The arrays it makes belong to the caller's {@code NDScope}.
 */
public final class GradientStep {

    /** The loss of a batch, from the network's logits on it. */
    @FunctionalInterface
    public interface LossOf {
        NDArray loss(NDArray logits);
    }

    /** The batch's loss and the logits it was computed from (before the update). */
    public record Outcome(float loss, NDArray logits) {}

    private GradientStep() {}

    /**
     * One step on batch {@code x}; {@code rates} gives each trainable parameter its rate (null: the optimizer's
     * own), and {@code where} says where training is ("at epoch 3, batch 7") if the loss stops being a number.
     */
    public static Outcome run(Network network, NDArray x, LossOf lossOf, Optimizer optimizer, Map<String, Parameter> trainable,
            Map<String, Float> rates, Supplier<String> where) {
        return run(network, x, lossOf, optimizer, trainable, rates, where, () -> { });
    }

    /** {@link #run(Network, NDArray, LossOf, Optimizer, Map, Map, Supplier)}, calling {@code afterBackward} between the backward pass and the update. */
    public static Outcome run(Network network, NDArray x, LossOf lossOf, Optimizer optimizer, Map<String, Parameter> trainable,
            Map<String, Float> rates, Supplier<String> where, Runnable afterBackward) {
        NDArray logits;
        NDArray loss;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            logits = network.logits(x, true);
            loss = lossOf.loss(logits);
            collector.backward(loss);
        }
        float value = loss.getFloat();
        if (!Float.isFinite(value)) {
            throw new TrainingDivergedException(String.format(Locale.ROOT,
                    "The training loss became %s %s; lower the learning rate (now %s) or check the inputs for NaN values.",
                    value, where.get(), optimizer.describe()));
        }
        afterBackward.run();
        optimizer.apply(trainable, rates);
        return new Outcome(value, logits);
    }
}
