package coursekit.cl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import coursekit.engine.Autograd;
import coursekit.engine.Garbage;
import org.junit.jupiter.api.Test;

class DistillationTest {

    @Test
    void matchesTheSoftenedDivergenceComputedByHand() {
        // One image, two old classes and a new third one the loss must ignore; T = 2.
        // Old logits (2, 0) / 2 = (1, 0): p_old = (e/(e+1), 1/(e+1)) = (0.731059, 0.268941).
        // New logits (0, 2) / 2 = (0, 1): p_new = (0.268941, 0.731059).
        // KL = 0.731059*ln(0.731059/0.268941) + 0.268941*ln(0.268941/0.731059) = 0.462117*1 = 0.462117; times T^2 = 1.848469.
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray newLogits = manager.create(new float[] {0f, 2f, 7f}, new Shape(1, 3));
            NDArray oldLogits = manager.create(new float[] {2f, 0f}, new Shape(1, 2));
            assertEquals(1.848469, Distillation.loss(newLogits, oldLogits, 2, 2.0).getFloat(), 1e-5);
        }
    }

    @Test
    void isZeroWhenTheNetworksAgreeOnTheOldClasses() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray newLogits = manager.create(new float[] {1f, -3f, 5f, 0.5f, 0.5f, -9f}, new Shape(2, 3));
            NDArray oldLogits = manager.create(new float[] {1f, -3f, 0.5f, 0.5f}, new Shape(2, 2));
            assertEquals(0.0, Distillation.loss(newLogits, oldLogits, 2, 3.0).getFloat(), 1e-6);
        }
    }

    @Test
    void rejectsANonPositiveTemperature() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray logits = manager.ones(new Shape(1, 2));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Distillation.loss(logits, logits, 2, 0));
            assertEquals(true, e.getMessage().contains("temperature=0.0"));
        }
    }

    @Test
    void gradientIsRightWhenGarbageIsCollectedBeforeTheBackwardPass() {
        // The divergence's gradient in the new logits z is T * (p_new - p_old) on the old classes (KL times T^2, through z / T):
        // with the first test's numbers, 2 * (0.268941 - 0.731059, 0.731059 - 0.268941) = (-0.924234, 0.924234), 0 on the new class.
        Autograd.offOnThisThread();
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray newLogits = manager.create(new float[] {0f, 2f, 7f}, new Shape(1, 3));
            newLogits.setRequiresGradient(true);
            NDArray oldLogits = manager.create(new float[] {2f, 0f}, new Shape(1, 2));
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray loss = Distillation.loss(newLogits, oldLogits, 2, 2.0);
                Garbage.collectNow();
                collector.backward(loss);
            }
            assertArrayEquals(new float[] {-0.924234f, 0.924234f, 0f}, newLogits.getGradient().toFloatArray(), 1e-5f);
        }
    }
}
