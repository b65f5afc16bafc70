package coursekit.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import coursekit.engine.Autograd;
import coursekit.engine.Garbage;
import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;

/** The building blocks of the pretrained presets: 'same' padding, batch normalisation, preprocessing. */
class LayersBlocksTest {

    private static NDArray run(ai.djl.nn.Block block, NDManager manager, NDArray x) {
        block.initialize(manager, DataType.FLOAT32, x.getShape());
        return block.forward(new ParameterStore(manager, false), new NDList(x), false).singletonOrThrow();
    }

    private static void ones(ai.djl.nn.Block block) {
        NDArray weight = block.getParameters().get("weight").getArray();
        weight.set(FloatBuffer.wrap(new float[(int) weight.size()]).put(0, 0f));
        weight.set(FloatBuffer.wrap(filled((int) weight.size(), 1f)));
    }

    private static float[] filled(int n, float v) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    @Test
    void samePaddingWithStrideTwoPadsAfterForEvenSizesAndBothSidesForOdd() {
        try (NDManager manager = NDManager.newBaseManager()) {
            KerasConv2d conv = new KerasConv2d(1, 3, 2, KerasConv2d.Padding.SAME, false, false);
            NDArray even = manager.arange(16f).reshape(1, 1, 4, 4);
            NDArray y = run(conv, manager, even);
            ones(conv);
            y = conv.forward(new ParameterStore(manager, false), new NDList(even), false).singletonOrThrow();
            assertArrayEquals(new long[] {1, 1, 2, 2}, y.getShape().getShape());
            // (0, 0) sums rows and columns 0..2; (1, 1) sums rows and columns 2..3 and the zero pad after them.
            assertEquals(0 + 1 + 2 + 4 + 5 + 6 + 8 + 9 + 10, y.getFloat(0, 0, 0, 0));
            assertEquals(10 + 11 + 14 + 15, y.getFloat(0, 0, 1, 1));
            NDArray odd = manager.arange(25f).reshape(1, 1, 5, 5);
            NDArray z = conv.forward(new ParameterStore(manager, false), new NDList(odd), false).singletonOrThrow();
            assertArrayEquals(new long[] {1, 1, 3, 3}, z.getShape().getShape());
            // (0, 0) sums rows and columns 0..1 with a pad before; (2, 2) sums rows and columns 3..4 with a pad after.
            assertEquals(0 + 1 + 5 + 6, z.getFloat(0, 0, 0, 0));
            assertEquals(18 + 19 + 23 + 24, z.getFloat(0, 0, 2, 2));
            assertArrayEquals(new long[] {1, 1, 3, 3}, conv.getOutputShapes(new Shape[] {odd.getShape()})[0].getShape());
        }
    }

    @Test
    void validPaddingAndTheReluInsideTheLayer() {
        try (NDManager manager = NDManager.newBaseManager()) {
            KerasConv2d conv = new KerasConv2d(1, 3, 1, KerasConv2d.Padding.VALID, false, true);
            NDArray x = manager.arange(16f).reshape(1, 1, 4, 4).neg();
            run(conv, manager, x);
            ones(conv);
            NDArray y = conv.forward(new ParameterStore(manager, false), new NDList(x), false).singletonOrThrow();
            assertArrayEquals(new long[] {1, 1, 2, 2}, y.getShape().getShape());
            assertEquals(0f, y.max().getFloat(), "all sums are negative, so the ReLU gives zeros");
        }
    }

    @Test
    void djlsBatchNormInInferenceUsesItsRunningStatisticsUnderTheirParameterNames() {
        try (NDManager manager = NDManager.newBaseManager()) {
            BatchNorm bn = BatchNorm.builder().optEpsilon(1e-3f).build();
            NDArray x = manager.randomUniform(-1f, 1f, new Shape(2, 2, 3, 3));
            run(bn, manager, x);
            bn.getParameters().get("gamma").getArray().set(FloatBuffer.wrap(new float[] {2f, 3f}));
            bn.getParameters().get("beta").getArray().set(FloatBuffer.wrap(new float[] {0.5f, -0.5f}));
            bn.getParameters().get("runningMean").getArray().set(FloatBuffer.wrap(new float[] {0.1f, -0.2f}));
            bn.getParameters().get("runningVar").getArray().set(FloatBuffer.wrap(new float[] {4f, 0.25f}));
            NDArray y = bn.forward(new ParameterStore(manager, false), new NDList(x), false).singletonOrThrow();
            float v = x.getFloat(1, 1, 2, 0);
            assertEquals((v + 0.2f) / Math.sqrt(0.25 + 1e-3) * 3 - 0.5, y.getFloat(1, 1, 2, 0), 1e-5);
        }
    }

    @Test
    void kerasBatchNormalizationMatchesDjlsInInference() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.randomUniform(-1f, 1f, new Shape(2, 2, 3, 3));
            BatchNorm djl = BatchNorm.builder().optEpsilon(1e-3f).build();
            BatchNormalization keras = new BatchNormalization();
            run(djl, manager, x);
            run(keras, manager, x);
            for (String[] names : new String[][] {{"gamma", "gamma"}, {"beta", "beta"}, {"runningMean", "moving_mean"},
                    {"runningVar", "moving_variance"}}) {
                float[] values = {0.3f, 1.7f};
                djl.getParameters().get(names[0]).getArray().set(FloatBuffer.wrap(values));
                keras.parameter(names[1]).getArray().set(FloatBuffer.wrap(values));
            }
            NDArray a = djl.forward(new ParameterStore(manager, false), new NDList(x), false).singletonOrThrow();
            NDArray b = keras.forward(new ParameterStore(manager, false), new NDList(x), false).singletonOrThrow();
            assertArrayEquals(a.toFloatArray(), b.toFloatArray(), 1e-6f);
        }
    }

    @Test
    void tfPreprocessingMapsZeroToOneOntoMinusOneToOne() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(new float[] {0f, 0.5f, 1f}, new Shape(1, 3, 1, 1));
            assertArrayEquals(new float[] {-1f, 0f, 1f}, run(Preprocess.tf(), manager, x).toFloatArray(), 1e-6f);
        }
    }

    @Test
    void caffePreprocessingGivesBgrMinusTheImageNetMeanOn0To255() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray rgb = manager.create(new float[] {1f, 0.5f, 0f}, new Shape(1, 3, 1, 1));
            float[] bgr = run(Preprocess.caffe(), manager, rgb).toFloatArray();
            assertArrayEquals(new float[] {0f - 103.939f, 127.5f - 116.779f, 255f - 123.68f}, bgr, 1e-4f);
        }
    }

    @Test
    void preprocessingPassesTheRightGradientToItsInputAfterAGarbageCollection() {
        // A saliency map differentiates the network in its input: through TF's 2x - 1 every pixel's gradient is 2.
        Autograd.offOnThisThread();
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(new float[] {0f, 0.5f, 1f}, new Shape(1, 3, 1, 1));
            x.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray out = run(Preprocess.tf(), manager, x).sum();
                Garbage.collectNow();
                collector.backward(out);
            }
            assertArrayEquals(new float[] {2f, 2f, 2f}, x.getGradient().toFloatArray(), 1e-6f);
        }
    }
}
