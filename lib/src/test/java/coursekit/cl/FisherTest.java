package coursekit.cl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import coursekit.engine.Autograd;
import coursekit.engine.Garbage;
import coursekit.engine.Scalars;
import java.util.List;
import org.junit.jupiter.api.Test;

class FisherTest {

    @Test
    void diagonalOfATwoWeightLinearModelMatchesTheHandDerivation() {
        // Gaussian likelihood with unit variance: -log p = (w.x - y)^2 / 2, so d/dw = (w.x - y) x.
        // w = (0.5, -1). Sample 1: x = (1, 2), y = 0: r = -1.5, gradient (-1.5, -3), squares (2.25, 9).
        // Sample 2: x = (2, 0), y = 3: r = -2, gradient (-4, 0), squares (16, 0). Mean: (9.125, 4.5).
        float[][] xs = {{1, 2}, {2, 0}};
        float[] ys = {0, 3};
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray w = manager.create(new float[] {0.5f, -1f});
            w.setRequiresGradient(true);
            List<NDArray> fisher = Fisher.diagonal(List.of(w), 2,
                    n -> Scalars.div(w.mul(manager.create(xs[n])).sum().sub(ys[n]).square(), 2), manager);
            assertArrayEquals(new float[] {9.125f, 4.5f}, fisher.get(0).toFloatArray(), 1e-5f);
        }
    }

    @Test
    void penaltyWeighsEachSquaredChangeByItsFisherValue() {
        // lambda/2 * (4 * (1 - 0)^2 + 0.5 * (3 - 1)^2) = 10/2 * (4 + 2) = 30.
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray penalty = Fisher.penalty(List.of(manager.create(new float[] {4f, 0.5f})), List.of(manager.create(new float[] {0f, 1f})),
                    List.of(manager.create(new float[] {1f, 3f})), 10);
            assertEquals(30.0, penalty.getFloat(), 1e-5);
        }
    }

    @Test
    void penaltyGradientIsRightWhenGarbageIsCollectedBeforeTheBackwardPass() {
        // d/dw lambda/2 * F (w - a)^2 = lambda * F * (w - a) = 10,000 * (4 * 1, 0.5 * 2) = (40,000, 10,000). The
        // collection frees the memory of any number the forward pass handed to the engine as a Java buffer: EWC on the
        // Multi-Task-NC stand-in gave 75 to 88 % for one seed while its gradient was scaled by whatever lay there.
        Autograd.offOnThisThread();
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray w = manager.create(new float[] {1f, 3f});
            w.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray penalty = Fisher.penalty(List.of(manager.create(new float[] {4f, 0.5f})), List.of(manager.create(new float[] {0f, 1f})),
                        List.of(w), 10_000);
                Garbage.collectNow();
                collector.backward(penalty);
            }
            assertArrayEquals(new float[] {40_000f, 10_000f}, w.getGradient().toFloatArray(), 1e-2f);
        }
    }
}
