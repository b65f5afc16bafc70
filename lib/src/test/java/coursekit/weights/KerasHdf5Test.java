package coursekit.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KerasHdf5Test {

    private static final String SQUEEZENET = "squeezenet_weights_tf_dim_ordering_tf_kernels_notop.h5";

    @Test
    void readsTheRealSqueezeNetFileByItsAttributes() {
        KerasWeights weights = KerasHdf5.read(SharedWeights.file(SQUEEZENET));
        assertEquals(50, weights.tensorCount());
        assertEquals(722_496L, weights.parameterCount());
        assertEquals("input_1", weights.layerNames().get(0));
        assertEquals("drop9", weights.layerNames().get(weights.layerNames().size() - 1));
        assertEquals(25, weights.layersWithWeights().size());
        List<WeightTensor> conv1 = weights.layer("conv1");
        assertEquals("uniform1", conv1.get(0).name());
        assertArrayEquals(new long[] {3, 3, 3, 64}, conv1.get(0).shape());
        assertEquals("conv1_b", conv1.get(1).name());
        assertArrayEquals(new long[] {64}, conv1.get(1).shape());
        // Layer names with a slash and weight names with one resolve inside the layer's group.
        List<WeightTensor> squeeze = weights.layer("fire2/squeeze1x1");
        assertEquals(List.of("uniform2", "fire2/squeeze1x1_b"), squeeze.stream().map(WeightTensor::name).toList());
        assertArrayEquals(new long[] {1, 1, 64, 16}, squeeze.get(0).shape());
        assertTrue(weights.layer("relu_conv1").isEmpty(), "layers without a group have no weights");
        assertTrue(weights.layer("drop9").isEmpty(), "an empty weight_names attribute means no weights");
    }

    @Test
    void valuesAreTheDatasetsValues(@TempDir Path temp) throws Exception {
        Path file = temp.resolve("w.h5");
        float[][][][] kernel = new float[1][2][2][3];
        for (int i = 0; i < 2; i++) {
            for (int o = 0; o < 3; o++) {
                kernel[0][1][i][o] = 10 * i + o;
            }
        }
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            hdf.putAttribute("layer_names", new String[] {"input_1", "conv"});
            WritableGroup conv = hdf.putGroup("conv");
            conv.putAttribute("weight_names", new String[] {"conv/kernel:0", "conv/bias:0"});
            WritableGroup inner = conv.putGroup("conv");
            inner.putDataset("kernel:0", kernel);
            inner.putDataset("bias:0", new float[] {0.5f, -1f, 2f});
        }
        KerasWeights weights = KerasHdf5.read(file);
        WeightTensor k = weights.tensor("conv/kernel:0");
        assertArrayEquals(new long[] {1, 2, 2, 3}, k.shape());
        assertEquals("kernel", k.shortName());
        // row-major (h, w, in, out): [0][1][1][2] is at ((0 * 2 + 1) * 2 + 1) * 3 + 2
        assertEquals(12f, k.values()[((1) * 2 + 1) * 3 + 2]);
        assertArrayEquals(new float[] {0.5f, -1f, 2f}, weights.layer("conv").get(1).values());
    }

    @Test
    void readsAWholeModelFileUnderModelWeights(@TempDir Path temp) throws Exception {
        Path file = temp.resolve("model.h5");
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            WritableGroup weights = hdf.putGroup("model_weights");
            weights.putAttribute("layer_names", new String[] {"dense"});
            WritableGroup dense = weights.putGroup("dense");
            dense.putAttribute("weight_names", new String[] {"dense/kernel:0"});
            dense.putGroup("dense").putDataset("kernel:0", new float[][] {{1f, 2f}});
        }
        assertArrayEquals(new long[] {1, 2}, KerasHdf5.read(file).tensor("dense/kernel:0").shape());
    }

    @Test
    void readsLayerNamesSplitIntoChunks(@TempDir Path temp) throws Exception {
        Path file = temp.resolve("chunked.h5");
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            hdf.putAttribute("layer_names0", new String[] {"a"});
            hdf.putAttribute("layer_names1", new String[] {"b"});
            WritableGroup a = hdf.putGroup("a");
            a.putAttribute("weight_names", new String[] {"w"});
            a.putDataset("w", new float[] {1f});
            // no group for "b": Keras 1 files keep none for layers without weights
        }
        KerasWeights weights = KerasHdf5.read(file);
        assertEquals(List.of("a", "b"), weights.layerNames());
        assertEquals(1L, weights.parameterCount());
    }

    @Test
    void aListedWeightWithoutItsDatasetNamesLayerAndWeight(@TempDir Path temp) throws Exception {
        Path file = temp.resolve("broken.h5");
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            hdf.putAttribute("layer_names", new String[] {"block1_conv1"});
            WritableGroup layer = hdf.putGroup("block1_conv1");
            layer.putAttribute("weight_names", new String[] {"block1_conv1/kernel:0"});
            layer.putDataset("kernel:0", new float[] {1f}); // at the wrong place
        }
        WeightsException error = assertThrows(WeightsException.class, () -> KerasHdf5.read(file));
        assertTrue(error.getMessage().contains("'block1_conv1'"), error.getMessage());
        assertTrue(error.getMessage().contains("block1_conv1/kernel:0"), error.getMessage());
    }

    @Test
    void anHdf5FileWithoutLayerNamesIsNotKerasWeights(@TempDir Path temp) throws Exception {
        Path file = temp.resolve("other.h5");
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            hdf.putDataset("x", new float[] {1f});
        }
        WeightsException error = assertThrows(WeightsException.class, () -> KerasHdf5.read(file));
        assertTrue(error.getMessage().contains("layer_names"), error.getMessage());
    }

    @Test
    void aFileThatIsNotHdf5SaysSo(@TempDir Path temp) throws Exception {
        Path file = Files.writeString(temp.resolve("fake.h5"), "<html>not found</html>");
        WeightsException error = assertThrows(WeightsException.class, () -> KerasHdf5.read(file));
        assertTrue(error.getMessage().contains(file.toString()), error.getMessage());
    }
}
