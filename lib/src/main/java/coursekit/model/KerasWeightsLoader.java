package coursekit.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.util.Pair;
import coursekit.weights.KerasHdf5;
import coursekit.weights.KerasWeights;
import coursekit.weights.KernelLayout;
import coursekit.weights.TfjsLayersModel;
import coursekit.weights.WeightTensor;
import coursekit.weights.WeightsException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Puts Keras weights into a network by layer name, as Keras's {@code load_weights(by_name=True)}
 * does: every layer of the network that has parameters takes the weights of the file's layer of
 * the same name, in the file's order, converted to DJL's layouts; layers only the file has (such
 * as a top the network leaves out) are skipped.
 *
 * <p>Keras itself matches a layer's weights by position, not by their names, and so does this
 * loader: Keras 1 files call a kernel {@code uniform1}.
 */
public final class KerasWeightsLoader {

    private KerasWeightsLoader() {}

    /** Reads {@code path} (a Keras {@code .h5} file, or a TF.js {@code model.json} or its directory) into {@code network}. */
    public static void load(Network network, Path path) {
        load(network, read(path));
    }

    /** The weights at {@code path}: a Keras HDF5 file, or a TF.js layers model. */
    public static KerasWeights read(Path path) {
        boolean tfjs = Files.isDirectory(path) || path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        return tfjs ? TfjsLayersModel.read(path).weights() : KerasHdf5.read(path);
    }

    /**
     * Copies {@code weights} into {@code network}'s parameters in place.
     *
     * @throws WeightsException naming the layer, the expected and the found shape when the file's
     *     layout differs, or the layer when the file lacks it; nothing is changed then
     */
    public static void load(Network network, KerasWeights weights) {
        List<Pair<Parameter, WeightTensor>> assignments = new ArrayList<>();
        Layers layers = network.layers();
        for (String name : layers.names()) {
            Block block = layers.layer(name);
            if (block.getParameters().isEmpty()) {
                continue;
            }
            if (!weights.hasLayer(name) || weights.layer(name).isEmpty()) {
                throw new WeightsException(weights.source() + " has no weights for layer '" + name + "' of network '" + network.name()
                        + "' (expected " + describe(expected(block)) + "); its layers with weights are " + weights.layersWithWeights() + ".");
            }
            assignments.addAll(match(name, block, weights.layer(name), weights.source()));
        }
        // Everything is checked before anything is written, so a bad file leaves the network as it was.
        for (Pair<Parameter, WeightTensor> assignment : assignments) {
            NDArray array = assignment.getKey().getArray();
            array.set(FloatBuffer.wrap(assignment.getValue().values()));
            if (assignment.getKey().requiresGradient()) {
                array.setRequiresGradient(true);
            }
        }
    }

    /** What a layer expects, in Keras's layout and order: (name, Keras shape). */
    private static List<Pair<String, long[]>> expected(Block block) {
        List<Pair<String, long[]>> expected = new ArrayList<>();
        if (block instanceof BatchNormalization) {
            for (String name : List.of("gamma", "beta", "moving_mean", "moving_variance")) {
                expected.add(new Pair<>(name, block.getParameters().get(name).getArray().getShape().getShape()));
            }
        } else if (block instanceof Conv2d) {
            long[] shape = block.getParameters().get("weight").getArray().getShape().getShape();
            if (block instanceof DepthwiseConv2d depthwise) {
                expected.add(new Pair<>("depthwise_kernel", KernelLayout.kerasDepthwiseShape(shape, depthwise.groups())));
            } else {
                if (block instanceof KerasConv2d conv && conv.groups() != 1) {
                    throw new WeightsException("Grouped convolutions other than depthwise ones have no Keras layout to load.");
                }
                expected.add(new Pair<>("kernel", KernelLayout.kerasConv2dShape(shape)));
            }
            if (block.getParameters().contains("bias")) {
                expected.add(new Pair<>("bias", block.getParameters().get("bias").getArray().getShape().getShape()));
            }
        } else if (block instanceof Linear) {
            expected.add(new Pair<>("kernel", KernelLayout.kerasDenseShape(block.getParameters().get("weight").getArray().getShape().getShape())));
            if (block.getParameters().contains("bias")) {
                expected.add(new Pair<>("bias", block.getParameters().get("bias").getArray().getShape().getShape()));
            }
        } else {
            throw new WeightsException("Layers of type " + block.getClass().getSimpleName()
                    + " cannot take Keras weights; only convolutions, dense layers and BatchNormalization can.");
        }
        return expected;
    }

    private static List<Pair<Parameter, WeightTensor>> match(String layer, Block block, List<WeightTensor> found, String source) {
        List<Pair<String, long[]>> expected = expected(block);
        if (found.size() != expected.size()) {
            throw new WeightsException("Layer '" + layer + "' expects " + expected.size() + " weights " + describe(expected)
                    + " but " + source + " holds " + found.size() + ": " + found + ".");
        }
        List<Pair<Parameter, WeightTensor>> result = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            String role = expected.get(i).getKey();
            long[] keras = expected.get(i).getValue();
            WeightTensor tensor = found.get(i);
            long[] shape = tensor.shape();
            if (block instanceof Linear && role.equals("kernel") && shape.length == 4 && shape[0] == 1 && shape[1] == 1) {
                shape = new long[] {shape[2], shape[3]}; // a 1x1 convolution on a 1x1 map, as MobileNet's conv_preds
            }
            if (!Arrays.equals(keras, shape)) {
                throw new WeightsException("Layer '" + layer + "': weight " + (i + 1) + " (" + role + ") should have shape "
                        + WeightTensor.describe(keras) + " but " + source + " has " + WeightTensor.describe(tensor.shape())
                        + " for '" + tensor.name() + "'.");
            }
            Parameter parameter;
            WeightTensor converted;
            switch (role) {
                case "depthwise_kernel" -> {
                    parameter = block.getParameters().get("weight");
                    converted = KernelLayout.depthwise(tensor);
                }
                case "kernel" -> {
                    parameter = block.getParameters().get("weight");
                    converted = block instanceof Linear ? KernelLayout.dense(tensor) : KernelLayout.conv2d(tensor);
                }
                default -> {
                    parameter = block.getParameters().get(role);
                    converted = tensor;
                }
            }
            result.add(new Pair<>(parameter, converted));
        }
        return result;
    }

    private static String describe(List<Pair<String, long[]>> expected) {
        List<String> parts = new ArrayList<>();
        for (Pair<String, long[]> pair : expected) {
            parts.add(pair.getKey() + " " + WeightTensor.describe(pair.getValue()));
        }
        return "[" + String.join(", ", parts) + "]";
    }
}
