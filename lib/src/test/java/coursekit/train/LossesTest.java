package coursekit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import coursekit.engine.Autograd;
import coursekit.engine.Garbage;
import org.junit.jupiter.api.Test;

class LossesTest {

    @Test
    void binaryCrossEntropyGradientIsRightWhenGarbageIsCollectedBeforeTheBackwardPass() {
        // d/dx mean(BCE(sigmoid(x), y)) = (sigmoid(x) - y) / N: x = (-2, 0, 3), y = (0, 1, 1):
        // (0.119203 - 0, 0.5 - 1, 0.952574 - 1) / 3 = (0.039734, -0.166667, -0.015809).
        Autograd.offOnThisThread();
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray logits = manager.create(new float[] {-2f, 0f, 3f});
            logits.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray loss = Losses.binaryCrossEntropy(logits, manager.create(new float[] {0f, 1f, 1f}));
                Garbage.collectNow();
                collector.backward(loss);
            }
            assertArrayEquals(new float[] {0.039734f, -0.166667f, -0.015809f}, logits.getGradient().toFloatArray(), 1e-5f);
        }
    }
}
