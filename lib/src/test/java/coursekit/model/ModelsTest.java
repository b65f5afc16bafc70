package coursekit.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelsTest {

    @Test
    void lectureCnnAt150HasTheLecturesParameterCount() {
        try (Network net = Models.lectureCnn(new long[] {3, 150, 150}, 1)) {
            assertEquals(3_453_121L, net.parameterCount());
            assertEquals(3_453_121L, net.trainableParameterCount());
            assertEquals(Head.SIGMOID, net.head());
        }
    }

    @Test
    void lectureCnnAtTheLabSizeOf64HasAFourTimesSmallerDenseInput() {
        try (Network net = Models.lectureCnn(new long[] {3, 64, 64}, 1)) {
            // 2x2x128 = 512 flattened features instead of 7x7x128 = 6,272 at 150x150.
            assertEquals(504_001L, net.parameterCount());
        }
    }

    @Test
    void lectureCnnWithDropoutHasTheSameParameterCount() {
        try (Network net = Models.lectureCnn(new long[] {3, 150, 150}, 1, 0.5)) {
            assertEquals(3_453_121L, net.parameterCount());
            assertTrue(net.layers().names().contains("dropout"));
        }
    }

    @Test
    void lectureCnnOutputsOneLogitPerClass() {
        try (Network net = Models.lectureCnn(new long[] {3, 64, 64}, 5);
                NDManager manager = NDManager.newBaseManager(net.device())) {
            NDArray logits = net.logits(manager.zeros(net.batchShape(4)), false);
            assertArrayEquals(new long[] {4, 5}, logits.getShape().getShape());
            assertEquals(Head.SOFTMAX, net.head());
        }
    }

    @Test
    void layersCarryKerasStyleNames() {
        try (Network net = Models.lectureCnn(new long[] {3, 64, 64}, 1)) {
            List<String> names = net.layers().names();
            assertEquals("conv2d", names.get(0));
            assertTrue(names.containsAll(List.of("conv2d_3", "max_pooling2d_3", "flatten", "dense", "dense_1")));
        }
    }

    @Test
    void summaryListsShapesAndTotals() {
        try (Network net = Models.lectureCnn(new long[] {3, 150, 150}, 1)) {
            ModelSummary summary = net.summary();
            ModelSummary.Row first = summary.rows().get(0);
            assertEquals("conv2d", first.layer());
            assertEquals("(None, 32, 148, 148)", first.outputShape());
            assertEquals(896L, first.parameters());
            assertEquals(List.of("Conv2D", "ReLU", "MaxPooling2D"), summary.rows().subList(0, 3).stream().map(ModelSummary.Row::type).toList());
            assertEquals(List.of("Flatten", "Dense", "ReLU", "Dense"),
                    summary.rows().subList(12, 16).stream().map(ModelSummary.Row::type).toList());
            assertEquals(3_453_121L, summary.rows().stream().mapToLong(ModelSummary.Row::parameters).sum());
            String text = summary.toString();
            assertTrue(text.contains("Total params: 3,453,121"), text);
            assertTrue(text.contains("Non-trainable params: 0"), text);
            assertTrue(text.contains("conv2d (Conv2D)") && !text.contains("LambdaBlock"), text);
            assertTrue(text.contains("channels first"), text);
            assertEquals(summary.rows().size(), summary.toTable().rowCount());
        }
    }

    @Test
    void tooSmallInputIsRejectedWithTheSizeInTheMessage() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Models.lectureCnn(new long[] {3, 32, 32}, 1));
        assertTrue(error.getMessage().contains("32x32"), error.getMessage());
    }

    @Test
    void duplicateLayerNamesAreRejected() {
        Layers layers = new Layers().add("a", ai.djl.nn.Blocks.identityBlock());
        assertThrows(IllegalArgumentException.class, () -> layers.add("a", ai.djl.nn.Blocks.identityBlock()));
    }

    @Test
    void mlpForSplitMnistHasTheExpectedParametersAndFeatures() {
        try (Network mlp = Models.mlp(new long[] {1, 28, 28}, 10, 256, 256);
                NDManager manager = NDManager.newBaseManager()) {
            // 784*256+256 + 256*256+256 + 256*10+10.
            assertEquals(269_322, mlp.parameterCount());
            NDArray x = manager.ones(new ai.djl.ndarray.types.Shape(3, 1, 28, 28));
            NDArray features = mlp.features(x, false);
            assertEquals(new ai.djl.ndarray.types.Shape(3, 256), features.getShape());
            assertEquals(new ai.djl.ndarray.types.Shape(3, 10), mlp.logitsOf(features, false).getShape());
        }
    }

    @Test
    void logitsFromALayersOutputRunOnlyTheLayersAfterIt() {
        try (Network mlp = Models.mlp(new long[] {1, 5, 5}, 3, 8, 8);
                NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.randomUniform(0, 1, new ai.djl.ndarray.types.Shape(2, 1, 5, 5));
            NDArray latent = mlp.outputOf(x, "re_lu", false);
            assertArrayEquals(mlp.logits(x, false).toFloatArray(),
                    mlp.logitsFrom("re_lu", latent, false).toFloatArray(), 1e-6f);
        }
    }

    @Test
    void resnet32HasThePapersParameterCount() {
        // He et al.'s 0.46M: conv 432 + BN 32, stage 1 5 x 4,672, stage 2 13,952 + 4 x 18,560,
        // stage 3 55,552 + 4 x 73,984, dense 64 x 10 + 10: 464,154 trainable.
        try (Network resnet = Models.resnet32(10)) {
            assertEquals(464_154, resnet.trainableParameterCount());
        }
    }

    @Test
    void resnet32For100ClassesGivesOneLogitPerClassAnd64Features() {
        try (Network resnet = Models.resnet32(100); NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.randomUniform(0, 1, new ai.djl.ndarray.types.Shape(2, 3, 32, 32));
            assertEquals(new ai.djl.ndarray.types.Shape(2, 64), resnet.features(x, false).getShape());
            assertEquals(new ai.djl.ndarray.types.Shape(2, 100), resnet.logits(x, true).getShape());
        }
    }
}
