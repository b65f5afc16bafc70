package coursekit.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import coursekit.weights.WeightsDirectory;
import coursekit.weights.WeightsException;
import coursekit.weights.WeightsFile;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * VGG16 against a full-size weights file written here in the layout of Keras's
 * {@code vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5} (the real one, 58.9 MB, cannot be had
 * on the build machines): every value encodes where it sits, so each parameter can be checked.
 */
class Vgg16Test {

    private static final int[][] BLOCKS = {{64, 2}, {128, 2}, {256, 3}, {512, 3}, {512, 3}};
    private static final List<String> CONV_NAMES = new ArrayList<>();
    private static final List<long[]> CONV_SHAPES = new ArrayList<>();

    static {
        int in = 3;
        for (int b = 0; b < BLOCKS.length; b++) {
            for (int c = 1; c <= BLOCKS[b][1]; c++) {
                CONV_NAMES.add("block" + (b + 1) + "_conv" + c);
                CONV_SHAPES.add(new long[] {3, 3, in, BLOCKS[b][0]});
                in = BLOCKS[b][0];
            }
        }
    }

    @TempDir
    static Path weightsDir;

    @BeforeAll
    static void writeKerasLayoutFile() throws IOException {
        writeFile(weightsDir.resolve(WeightsFile.VGG16_NOTOP.name()), CONV_NAMES.size(), null);
    }

    /** The value a written kernel holds at Keras index (y, x, in, out) of convolution {@code layer}. */
    static float kernelValue(int layer, int y, int x, int i, int o) {
        return ((layer * 7919 + y * 31 + x * 17 + i * 131 + o * 257) % 1000) / 10_000f - 0.05f;
    }

    static float biasValue(int layer, int o) {
        return ((layer * 13 + o * 7) % 100) / 1000f;
    }

    /** Writes the first {@code layers} convolutions in Keras 2's layout; {@code badShape} replaces block1_conv1's kernel shape. */
    static void writeFile(Path file, int layers, long[] badShape) throws IOException {
        List<String> layerNames = new ArrayList<>(List.of("input_1"));
        for (int b = 1, l = 0; b <= 5; b++) {
            for (int c = 1; c <= BLOCKS[b - 1][1]; c++, l++) {
                layerNames.add("block" + b + "_conv" + c);
            }
            layerNames.add("block" + b + "_pool");
        }
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            hdf.putAttribute("layer_names", layerNames.toArray(new String[0]));
            hdf.putAttribute("backend", "tensorflow");
            hdf.putAttribute("keras_version", "2.2.4");
            for (int l = 0; l < layers; l++) {
                String name = CONV_NAMES.get(l);
                long[] shape = l == 0 && badShape != null ? badShape : CONV_SHAPES.get(l);
                float[][][][] kernel = new float[(int) shape[0]][(int) shape[1]][(int) shape[2]][(int) shape[3]];
                for (int y = 0; y < shape[0]; y++) {
                    for (int x = 0; x < shape[1]; x++) {
                        for (int i = 0; i < shape[2]; i++) {
                            for (int o = 0; o < shape[3]; o++) {
                                kernel[y][x][i][o] = kernelValue(l, y, x, i, o);
                            }
                        }
                    }
                }
                float[] bias = new float[(int) shape[3]];
                for (int o = 0; o < bias.length; o++) {
                    bias[o] = biasValue(l, o);
                }
                // Keras 2.1+ nests the datasets in a group named after the layer: /block1_conv1/block1_conv1/kernel:0
                WritableGroup group = hdf.putGroup(name);
                group.putAttribute("weight_names", new String[] {name + "/kernel:0", name + "/bias:0"});
                WritableGroup inner = group.putGroup(name);
                inner.putDataset("kernel:0", kernel);
                inner.putDataset("bias:0", bias);
            }
        }
    }

    private static Network fromDirectory() {
        return Vgg16.builder().includeTop(false).inputShape(3, 32, 32).weightsDirectory(WeightsDirectory.at(weightsDir)).build();
    }

    @Test
    void theBaseHasKerasLayerNamesAndParameterCount() {
        try (Network net = Vgg16.builder().includeTop(false).inputShape(3, 32, 32).weights("none").build()) {
            List<String> expected = new ArrayList<>(List.of("preprocess"));
            for (int b = 1; b <= 5; b++) {
                for (int c = 1; c <= BLOCKS[b - 1][1]; c++) {
                    expected.add("block" + b + "_conv" + c);
                }
                expected.add("block" + b + "_pool");
            }
            assertEquals(expected, net.layers().names());
            assertEquals(14_714_688L, net.parameterCount());
        }
    }

    @Test
    void theBaseShrinksTheInputFiveTimesByTwo() {
        try (Network net = Vgg16.builder().includeTop(false).inputShape(3, 150, 150).weights("none").build()) {
            List<ModelSummary.Row> rows = net.summary().rows();
            assertEquals("(None, 64, 150, 150)", rows.get(1).outputShape());
            assertEquals(1_792L, rows.get(1).parameters());
            assertEquals("block5_pool", rows.get(rows.size() - 1).layer());
            assertEquals("(None, 512, 4, 4)", rows.get(rows.size() - 1).outputShape());
        }
    }

    @Test
    void everyWeightOfTheFileLandsInItsParameter() {
        try (Network net = fromDirectory()) {
            for (int l = 0; l < CONV_NAMES.size(); l++) {
                String name = CONV_NAMES.get(l);
                long[] keras = CONV_SHAPES.get(l);
                NDArray weight = net.layer(name).getParameters().get("weight").getArray();
                assertArrayEquals(new long[] {keras[3], keras[2], 3, 3}, weight.getShape().getShape(), name);
                float[] values = weight.toFloatArray();
                int in = (int) keras[2];
                int out = (int) keras[3];
                for (int o = 0; o < out; o++) {
                    for (int i = 0; i < in; i++) {
                        for (int y = 0; y < 3; y++) {
                            for (int x = 0; x < 3; x++) {
                                float expected = kernelValue(l, y, x, i, o);
                                float found = values[((o * in + i) * 3 + y) * 3 + x];
                                if (expected != found) {
                                    throw new AssertionError(name + " weight[" + o + "][" + i + "][" + y + "][" + x + "] = " + found
                                            + ", expected kernel[" + y + "][" + x + "][" + i + "][" + o + "] = " + expected);
                                }
                            }
                        }
                    }
                }
                float[] bias = net.layer(name).getParameters().get("bias").getArray().toFloatArray();
                for (int o = 0; o < out; o++) {
                    assertEquals(biasValue(l, o), bias[o], name + " bias " + o);
                }
            }
        }
    }

    @Test
    void modelsVgg16FindsKerasFileInTheConfiguredWeightsDirectory() {
        String previous = System.setProperty(WeightsDirectory.PROPERTY, weightsDir.toString());
        try (Network net = Models.vgg16(new long[] {3, 32, 32})) {
            assertEquals(biasValue(12, 511), net.layer("block5_conv3").getParameters().get("bias").getArray().getFloat(511));
            assertEquals(0, net.numClasses());
        } finally {
            MobileNetTest.restore(WeightsDirectory.PROPERTY, previous);
        }
    }

    @Test
    void theFirstConvolutionComputesWhatKerasWouldOnCaffePreprocessedPixels() {
        try (Network net = fromDirectory(); NDManager manager = NDManager.newBaseManager(net.device())) {
            NDArray rgb = manager.randomUniform(0f, 1f, new Shape(1, 3, 4, 5));
            NDArray y = MobileNetTest.forward(net.layer("block1_conv1"), MobileNetTest.forward(net.layer("preprocess"), rgb));
            assertArrayEquals(new long[] {1, 64, 4, 5}, y.getShape().getShape());
            float[] pixels = rgb.toFloatArray();
            float[] meanBgr = {103.939f, 116.779f, 123.68f};
            int positive = 0;
            for (int channel = 0; channel < 64; channel++) {
                for (int[] at : new int[][] {{0, 0}, {2, 3}, {3, 4}}) {
                    double sum = biasValue(0, channel);
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            int row = at[0] + dy;
                            int col = at[1] + dx;
                            if (row < 0 || row >= 4 || col < 0 || col >= 5) {
                                continue; // 'same' padding with zeros, after preprocessing
                            }
                            for (int bgr = 0; bgr < 3; bgr++) {
                                int rgbChannel = 2 - bgr;
                                double value = pixels[(rgbChannel * 4 + row) * 5 + col] * 255.0 - meanBgr[bgr];
                                sum += value * kernelValue(0, dy + 1, dx + 1, bgr, channel);
                            }
                        }
                    }
                    double expected = Math.max(0, sum);
                    positive += expected > 0 ? 1 : 0;
                    assertEquals(expected, y.getFloat(0, channel, at[0], at[1]), 1e-3 * Math.max(1, Math.abs(sum)),
                            "block1_conv1 channel " + channel + " at " + at[0] + "," + at[1]);
                }
            }
            assertTrue(positive > 0, "at least one checked output is past the ReLU");
        }
    }

    @Test
    void aKernelOfAnotherShapeNamesTheLayerAndBothShapes(@TempDir Path temp) throws IOException {
        Path file = temp.resolve("bad.h5");
        writeFile(file, 1, new long[] {3, 3, 3, 32});
        WeightsException error = assertThrows(WeightsException.class,
                () -> Vgg16.builder().includeTop(false).inputShape(3, 32, 32).weights(file).build());
        String message = error.getMessage();
        assertTrue(message.contains("'block1_conv1'"), message);
        assertTrue(message.contains("should have shape (3, 3, 3, 64)"), message);
        assertTrue(message.contains("has (3, 3, 3, 32)"), message);
    }

    @Test
    void aFileLackingALayerNamesIt(@TempDir Path temp) throws IOException {
        Path file = temp.resolve("short.h5");
        writeFile(file, 1, null);
        WeightsException error = assertThrows(WeightsException.class,
                () -> Vgg16.builder().includeTop(false).inputShape(3, 32, 32).weights(file).build());
        assertTrue(error.getMessage().contains("no weights for layer 'block1_conv2'"), error.getMessage());
        assertTrue(error.getMessage().contains("kernel (3, 3, 64, 64)"), error.getMessage());
    }

    @Test
    void missingImageNetWeightsOfflineSayWhichFileToPutWhere(@TempDir Path temp) {
        Path nowhere = temp.resolve("empty");
        String previous = System.setProperty(WeightsDirectory.OFFLINE_PROPERTY, "true");
        try {
            WeightsException error = assertThrows(WeightsException.class,
                    () -> Vgg16.builder().includeTop(false).inputShape(3, 64, 64).weightsDirectory(WeightsDirectory.at(nowhere)).build());
            String message = error.getMessage();
            assertTrue(message.contains("save it as " + nowhere.resolve("vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5")), message);
            assertTrue(message.contains("https://storage.googleapis.com/tensorflow/keras-applications/vgg16/"), message);
        } finally {
            MobileNetTest.restore(WeightsDirectory.OFFLINE_PROPERTY, previous);
        }
    }

    @Test
    void theTopAddsKerasFullyConnectedLayers() {
        try (Network net = Vgg16.builder().inputShape(3, 32, 32).weights("none").classes(10).build();
                NDManager manager = NDManager.newBaseManager(net.device())) {
            assertEquals(List.of("flatten", "fc1", "fc1_relu", "fc2", "fc2_relu", "predictions"),
                    net.layers().names().subList(net.layers().names().size() - 6, net.layers().names().size()));
            // base + fc1 (512 x 4096 + 4096) + fc2 (4096 x 4096 + 4096) + predictions (4096 x 10 + 10) at 32x32
            assertEquals(14_714_688L + 2_101_248L + 16_781_312L + 40_970L, net.parameterCount());
            assertEquals(10, net.numClasses());
            assertArrayEquals(new long[] {1, 10}, net.logits(manager.zeros(net.batchShape(1)), false).getShape().getShape());
        }
    }

    @Test
    void imageNetWithTheTopNeedsTheImageNetSize() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Vgg16.builder().inputShape(3, 150, 150).build());
        assertTrue(error.getMessage().endsWith("Received: inputShape=[3, 150, 150]"), error.getMessage());
    }
}
