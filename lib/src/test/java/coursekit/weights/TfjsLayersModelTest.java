package coursekit.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TfjsLayersModelTest {

    private static final String MOBILENET = "mobilenet_v1_0.25_224_tfjs";

    @Test
    void readsTheRealMobileNetTopologyAndWeights() {
        TfjsLayersModel model = TfjsLayersModel.read(SharedWeights.file(MOBILENET));
        assertEquals("2.1.4", model.kerasVersion());
        assertEquals(88, model.layers().size());
        assertEquals("Conv2D", model.layer("conv1").className());
        assertEquals("same", model.layer("conv1").config().get("padding"));
        assertEquals(0.001, ((Number) model.layer("conv1_bn").config().get("epsilon")).doubleValue(), 1e-12);
        KerasWeights weights = model.weights();
        assertEquals(475_544L, weights.parameterCount());
        // conv1's kernel, 13 depthwise and 13 pointwise kernels, 27 batch norms of 4, conv_preds' kernel and bias
        assertEquals(1 + 13 + 13 + 27 * 4 + 2, weights.tensorCount());
        assertEquals(List.of("conv1_bn/gamma", "conv1_bn/beta", "conv1_bn/moving_mean", "conv1_bn/moving_variance"),
                weights.layer("conv1_bn").stream().map(WeightTensor::name).toList());
        assertArrayEquals(new long[] {3, 3, 8, 1}, weights.tensor("conv_dw_1/depthwise_kernel").shape());
        assertArrayEquals(new long[] {1, 1, 256, 1000}, weights.tensor("conv_preds/kernel").shape());
        assertTrue(weights.layer("conv1_relu").isEmpty());
    }

    @Test
    void valuesAreTheShardsLittleEndianFloatsInManifestOrder() throws Exception {
        Path dir = SharedWeights.file(MOBILENET);
        ByteBuffer shard = ByteBuffer.wrap(Files.readAllBytes(dir.resolve("group2-shard1of1"))).order(ByteOrder.LITTLE_ENDIAN);
        KerasWeights weights = TfjsLayersModel.read(dir.resolve("model.json")).weights();
        // group 2 holds conv1_bn's gamma, beta, moving_mean, moving_variance, 8 floats each
        assertEquals(shard.getFloat(0), weights.tensor("conv1_bn/gamma").values()[0]);
        assertEquals(shard.getFloat(8 * 4 * 2 + 4 * 3), weights.tensor("conv1_bn/moving_mean").values()[3]);
        assertEquals(shard.getFloat(8 * 4 * 4 - 4), weights.tensor("conv1_bn/moving_variance").values()[7]);
    }

    @Test
    void aGroupSplitOverSeveralShardsIsReadInOrder(@TempDir Path temp) throws Exception {
        TfjsLayersModel model = TfjsLayersModel.read(TinyTfjs.write(temp.resolve("tiny")));
        KerasWeights weights = model.weights();
        assertEquals(List.of("input_1", "dense"), weights.layerNames());
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5}, weights.tensor("dense/kernel").values());
        assertArrayEquals(new float[] {10, 11, 12}, weights.tensor("dense/bias").values());
        TfjsLayersModel.checkStructure(temp.resolve("tiny/model.json"));
    }

    @Test
    void aShortShardNamesTheFilesAndTheBytesExpected(@TempDir Path temp) throws Exception {
        Path dir = TinyTfjs.write(temp.resolve("tiny"));
        Files.write(dir.resolve("group1-shard2of2"), new byte[12]);
        WeightsException error = assertThrows(WeightsException.class, () -> TfjsLayersModel.read(dir));
        assertTrue(error.getMessage().contains("group1-shard2of2"), error.getMessage());
        assertTrue(error.getMessage().contains("32 bytes") && error.getMessage().contains("need 36"), error.getMessage());
        assertThrows(WeightsException.class, () -> TfjsLayersModel.checkStructure(dir.resolve("model.json")));
    }

    @Test
    void aMissingShardIsNamed(@TempDir Path temp) throws Exception {
        Path dir = TinyTfjs.write(temp.resolve("tiny"));
        Files.delete(dir.resolve("group1-shard1of2"));
        WeightsException error = assertThrows(WeightsException.class, () -> TfjsLayersModel.read(dir));
        assertTrue(error.getMessage().contains("group1-shard1of2"), error.getMessage());
    }

    @Test
    void quantizedWeightsAreRefusedByName(@TempDir Path temp) throws Exception {
        Path dir = TinyTfjs.write(temp.resolve("tiny"));
        Files.writeString(dir.resolve("model.json"), TinyTfjs.MODEL_JSON.replace(
                "\"shape\": [3], \"dtype\": \"float32\"", "\"shape\": [3], \"dtype\": \"uint8\", \"quantization\": {\"dtype\": \"uint8\"}"));
        WeightsException error = assertThrows(WeightsException.class, () -> TfjsLayersModel.read(dir));
        assertTrue(error.getMessage().contains("dense/bias") && error.getMessage().contains("uint8"), error.getMessage());
    }
}
