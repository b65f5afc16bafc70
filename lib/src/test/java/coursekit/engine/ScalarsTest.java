package coursekit.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

class ScalarsTest {

    @Test
    void productQuotientAndMaximumKeepTheirGradientsThroughAGarbageCollection() {
        Autograd.offOnThisThread();
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray w = manager.create(new float[] {1f, 2f, 3f});
            w.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                // d/dw sum(max(w, 1.5) / 0.5 * 5000) = 0 where w < 1.5, else 10,000.
                NDArray loss = Scalars.mul(Scalars.div(Scalars.maximum(w, 1.5), 0.5), 5000).sum();
                Garbage.collectNow();
                collector.backward(loss);
            }
            assertArrayEquals(new float[] {0f, 10_000f, 10_000f}, w.getGradient().toFloatArray(), 1e-3f);
        }
    }

    @Test
    void aScalarHasTheArraysTypeAndNoDimensions() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray scalar = Scalars.of(manager.create(new double[] {1, 2}), 0.25);
            assertEquals(DataType.FLOAT64, scalar.getDataType());
            assertEquals(0, scalar.getShape().dimension());
            assertEquals(0.25, scalar.getDouble(), 0);
        }
    }
}
