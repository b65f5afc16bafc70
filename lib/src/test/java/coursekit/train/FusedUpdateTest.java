package coursekit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import coursekit.engine.Seeds;
import coursekit.model.Models;
import coursekit.model.Network;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The one-pass CPU update gives, bit for bit, what each rule's element-wise update gives, and clears the gradient. */
class FusedUpdateTest {

    /** Several chunks and a partial one, so that the parallel split and the tail are both crossed. */
    private static final int SIZE = 5 * FusedUpdate.CHUNK + 123;

    @Test
    void rmspropIsTheSameBitForBit() {
        assertSameAsElementWise(() -> Optimizers.rmsprop(1e-3), 1e-3f);
    }

    @Test
    void adamIsTheSameBitForBit() {
        assertSameAsElementWise(() -> Optimizers.adam(1e-2), 1e-2f);
    }

    @Test
    void sgdWithAndWithoutMomentumIsTheSameBitForBit() {
        assertSameAsElementWise(() -> Optimizers.sgd(0.1, 0.9), 0.1f);
        assertSameAsElementWise(() -> Optimizers.sgd(0.1), 0.1f);
    }

    @Test
    void aStridedViewIsLeftToTheElementWisePath() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray transposed = manager.randomUniform(-1, 1, new Shape(64, 32)).transpose();
            NDArray gradient = manager.randomUniform(-1, 1, new Shape(32, 64));
            float[] before = transposed.toFloatArray();
            float[] gradientBefore = gradient.toFloatArray();
            boolean fused = FusedUpdate.run(Optimizers.rmsprop(1e-3), "w", transposed, gradient, 1e-3f);
            if (!fused) {
                assertArrayEquals(before, transposed.toFloatArray(), 0f, "a declined update must change nothing");
                assertArrayEquals(gradientBefore, gradient.toFloatArray(), 0f);
            } else {
                // The engine gave the view's memory after all; then the update must have reached the view.
                assertFalse(java.util.Arrays.equals(before, transposed.toFloatArray()));
            }
        }
    }

    @Test
    void trainingANetworkGivesTheSameWeightsBitForBit() {
        Seeds.set(3);
        try (Network fused = Models.lectureCnn(new long[] {3, 48, 48}, 1); Network elementWise = Models.lectureCnn(new long[] {3, 48, 48}, 1)) {
            elementWise.restoreParameters(fused.parameterBytes(), "the fused network");
            Optimizer fusedRule = Optimizers.adam(1e-3);
            Optimizer elementWiseRule = Optimizers.adam(1e-3);
            NDManager manager = fused.manager();
            NDArray x = manager.randomUniform(0, 1, new Shape(4, 3, 48, 48));
            NDArray y = manager.create(new float[] {0, 1, 1, 0}, new Shape(4, 1));
            for (int step = 0; step < 3; step++) {
                trainStep(fused, x, y, fusedRule, true);
                trainStep(elementWise, x, y, elementWiseRule, false);
                for (String name : fused.parameters().keySet()) {
                    assertArrayEquals(elementWise.parameters().get(name).getArray().toFloatArray(),
                            fused.parameters().get(name).getArray().toFloatArray(), 0f, name + " after step " + step);
                }
            }
        }
    }

    private static void trainStep(Network network, NDArray x, NDArray y, Optimizer optimizer, boolean fused) {
        try (NDScope scope = new NDScope()) {
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.backward(Losses.crossEntropy(network.head(), network.logits(x, true), y));
            }
            optimizer.apply(network.trainableParameters(), null, fused);
            scope.suppressNotUsedWarning();
        }
    }

    private static void assertSameAsElementWise(Supplier<Optimizer> rule, float rate) {
        Optimizer elementWise = rule.get();
        Optimizer fused = rule.get();
        Random random = new Random(5);
        try (NDManager manager = NDManager.newBaseManager()) {
            float[] start = randoms(random, SIZE);
            NDArray weightA = manager.create(start.clone());
            NDArray weightB = manager.create(start.clone());
            for (int step = 0; step < 4; step++) {
                float[] g = randoms(random, SIZE);
                NDArray gradientA = manager.create(g.clone());
                NDArray gradientB = manager.create(g.clone());
                elementWise.update("w", weightA, gradientA, rate);
                elementWise.step();
                assertTrue(FusedUpdate.run(fused, "w", weightB, gradientB, rate), "a CPU float array must be updated in one pass");
                fused.step();
                assertArrayEquals(weightA.toFloatArray(), weightB.toFloatArray(), 0f, fused.describe() + " after step " + step);
                assertArrayEquals(new float[SIZE], gradientB.toFloatArray(), 0f, "the gradient must be cleared");
            }
        }
    }

    private static float[] randoms(Random random, int size) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }
}
