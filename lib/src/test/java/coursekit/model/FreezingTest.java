package coursekit.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

class FreezingTest {

    private static Network smallMobileNet() {
        return MobileNet.builder().weights("none").inputShape(3, 32, 32).classes(2).build();
    }

    private static long movingStatistics(Network net) {
        return net.parameters().values().stream()
                .filter(p -> p.getType() == Parameter.Type.RUNNING_MEAN || p.getType() == Parameter.Type.RUNNING_VAR)
                .mapToLong(p -> p.getArray().size()).sum();
    }

    @Test
    void freezeAllLeavesNothingTrainableAndUnfreezeAllAllButTheMovingStatistics() {
        try (Network net = smallMobileNet()) {
            long all = net.trainableParameterCount();
            assertEquals(net.parameterCount() - movingStatistics(net), all);
            net.freezeAll();
            assertEquals(0L, net.trainableParameterCount());
            net.unfreezeAll();
            assertEquals(all, net.trainableParameterCount());
        }
    }

    @Test
    void unfreezeFromTrainsThatLayerAndEverythingAfterIt() {
        try (Network net = MobileNet.builder().weights("none").build()) {
            net.unfreezeFrom("conv_pw_13");
            // conv_pw_13 (256 x 256), conv_pw_13_bn's gamma and beta (2 x 256), conv_preds (256 x 1000 + 1000)
            assertEquals(65_536L + 512L + 257_000L, net.trainableParameterCount());
            assertFalse(net.layer("conv_dw_13").getParameters().get("weight").requiresGradient());
            assertTrue(net.layer("conv_pw_13").getParameters().get("weight").requiresGradient());
            assertFalse(net.layer("conv_pw_13_bn").getParameters().get("moving_mean").requiresGradient());
            assertTrue(((BatchNormalization) net.layer("conv_dw_13_bn")).frozen());
            assertFalse(((BatchNormalization) net.layer("conv_pw_13_bn")).frozen());
        }
    }

    @Test
    void freezeBatchNormalizationRefreezesTheUnfrozenBatchNormsOnly() {
        try (Network net = MobileNet.builder().weights("none").build()) {
            net.unfreezeFrom("conv_pw_13");
            net.freezeBatchNormalization();
            // conv_pw_13 (256 x 256) and conv_preds (256 x 1000 + 1000); conv_pw_13_bn's gamma and beta are frozen again
            assertEquals(65_536L + 257_000L, net.trainableParameterCount());
            assertTrue(((BatchNormalization) net.layer("conv_pw_13_bn")).frozen());
            assertTrue(net.layer("conv_pw_13").getParameters().get("weight").requiresGradient());
        }
    }

    @Test
    void anUnknownLayerIsNamedWithTheChoices() {
        try (Network net = smallMobileNet()) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> net.unfreezeFrom("block5_conv1"));
            assertTrue(error.getMessage().contains("'block5_conv1'") && error.getMessage().contains("conv_pw_13"), error.getMessage());
        }
    }

    @Test
    void frozenBatchNormalizationKeepsItsMovingStatisticsWhileTheHeadTrains() {
        try (Network net = smallMobileNet(); NDManager manager = NDManager.newBaseManager(net.device())) {
            net.unfreezeFrom("conv_preds");
            NDArray x = manager.randomUniform(0f, 1f, net.batchShape(4));
            float[] meanBefore = net.layer("conv1_bn").getParameters().get("moving_mean").getArray().toFloatArray();
            float[] inference = net.logits(x, false).toFloatArray();
            NDArray gradient;
            float[] training;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray logits = net.logits(x, true);
                training = logits.toFloatArray();
                collector.backward(logits.sum());
            }
            gradient = net.layer("conv_preds").getParameters().get("weight").getArray().getGradient();
            assertArrayEquals(meanBefore, net.layer("conv1_bn").getParameters().get("moving_mean").getArray().toFloatArray());
            // Dropout is the only difference between the two passes; its rate is 0.001, so few units differ.
            assertArrayEquals(inference, training, 0.05f);
            assertTrue(gradient.abs().sum().getFloat() > 0, "the unfrozen head receives gradients");
        }
    }

    @Test
    void trainableBatchNormalizationUpdatesItsMovingMeanWithKerasMomentum() {
        try (Network net = smallMobileNet(); NDManager manager = NDManager.newBaseManager(net.device())) {
            BatchNormalization bn = (BatchNormalization) net.layer("conv1_bn");
            NDArray x = manager.randomUniform(0f, 1f, new ai.djl.ndarray.types.Shape(4, 8, 5, 5)).add(3f);
            float[] batchMean = x.transpose(1, 0, 2, 3).reshape(8, -1).mean(new int[] {1}).toFloatArray();
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray y = bn.forward(new ai.djl.training.ParameterStore(manager, false), new ai.djl.ndarray.NDList(x), true)
                        .singletonOrThrow();
                collector.backward(y.sum());
            }
            float[] moving = bn.parameter("moving_mean").getArray().toFloatArray();
            for (int c = 0; c < 8; c++) {
                // Keras's momentum 0.99: moving = 0.99 * 0 + 0.01 * batch mean
                assertEquals(0.01f * batchMean[c], moving[c], 1e-5f, "channel " + c);
            }
        }
    }
}
