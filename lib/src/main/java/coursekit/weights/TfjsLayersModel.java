package coursekit.weights;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A TensorFlow.js layers model read from disk: {@code model.json} (the Keras topology and a
 * weights manifest) and its binary shards, float32 little-endian, concatenated per manifest
 * group in manifest order.
 *
 * @see <a href="https://www.tensorflow.org/js/guide/save_load">TensorFlow.js: save and load models</a>
 */
public final class TfjsLayersModel {

    /** One layer of the Keras topology: its name, its Keras class and its config as JSON values. */
    public record Layer(String name, String className, Map<String, Object> config) {}

    private static final Gson GSON = new Gson();

    private final Path modelJson;
    private final String kerasVersion;
    private final List<Layer> layers;
    private final KerasWeights weights;

    private TfjsLayersModel(Path modelJson, String kerasVersion, List<Layer> layers, KerasWeights weights) {
        this.modelJson = modelJson;
        this.kerasVersion = kerasVersion;
        this.layers = List.copyOf(layers);
        this.weights = weights;
    }

    /**
     * Reads the model at {@code path}: its {@code model.json}, or the directory holding it.
     *
     * @throws WeightsException naming the file and what is wrong when a part is missing or sized
     *     differently from what the manifest says
     */
    public static TfjsLayersModel read(Path path) {
        Path modelJson = Files.isDirectory(path) ? path.resolve("model.json") : path;
        if (!Files.isRegularFile(modelJson)) {
            throw new WeightsException("The TensorFlow.js model file " + modelJson + " does not exist.");
        }
        JsonObject root = parse(modelJson);
        JsonObject topology = root.has("modelTopology") && root.get("modelTopology").isJsonObject()
                ? root.getAsJsonObject("modelTopology") : null;
        if (topology == null || !root.has("weightsManifest")) {
            throw new WeightsException(modelJson + " is not a TensorFlow.js layers model: it needs 'modelTopology' and "
                    + "'weightsManifest' (a graph model converted from a SavedModel cannot be read here).");
        }
        JsonObject modelConfig = topology.has("model_config") ? topology.getAsJsonObject("model_config") : topology;
        List<Layer> layers = layersOf(modelConfig);
        String kerasVersion = topology.has("keras_version") ? topology.get("keras_version").getAsString() : "";
        Map<String, List<WeightTensor>> byLayer = new LinkedHashMap<>();
        for (Layer layer : layers) {
            byLayer.put(layer.name(), new ArrayList<>());
        }
        for (WeightTensor tensor : readManifest(modelJson, root.getAsJsonArray("weightsManifest"))) {
            byLayer.computeIfAbsent(layerOf(tensor.name(), byLayer.keySet()), name -> new ArrayList<>()).add(tensor);
        }
        return new TfjsLayersModel(modelJson, kerasVersion, layers, new KerasWeights(modelJson.toString(), byLayer));
    }

    /** The {@code model.json} this model was read from. */
    public Path modelJson() {
        return modelJson;
    }

    /** The Keras version that wrote the topology, or an empty string. */
    public String kerasVersion() {
        return kerasVersion;
    }

    /** The layers of the topology in order. */
    public List<Layer> layers() {
        return layers;
    }

    /** Layer {@code name} of the topology. */
    public Layer layer(String name) {
        for (Layer layer : layers) {
            if (layer.name().equals(name)) {
                return layer;
            }
        }
        throw new WeightsException(modelJson + " has no layer named '" + name + "'.");
    }

    /** The weights, grouped by the layers of the topology. */
    public KerasWeights weights() {
        return weights;
    }

    /**
     * Checks that every shard the manifest names exists with the size its weights need, without
     * reading the values: the structural check for a download whose checksum is not pinned.
     */
    public static void checkStructure(Path modelJson) {
        JsonObject root = parse(modelJson);
        if (!root.has("modelTopology") || !root.has("weightsManifest")) {
            throw new WeightsException(modelJson + " is not a TensorFlow.js layers model: it needs 'modelTopology' and 'weightsManifest'.");
        }
        for (JsonElement group : root.getAsJsonArray("weightsManifest")) {
            long expected = groupBytes(modelJson, group.getAsJsonObject());
            long found = 0;
            for (Path shard : shardPaths(modelJson, group.getAsJsonObject())) {
                found += sizeOf(modelJson, shard);
            }
            if (found != expected) {
                throw new WeightsException(modelJson + ": the shards " + shardPaths(modelJson, group.getAsJsonObject())
                        + " hold " + found + " bytes but their weights need " + expected + ".");
            }
        }
    }

    /** The shard files the manifest of {@code modelJson} names, in order. */
    public static List<String> shardNames(Path modelJson) {
        List<String> names = new ArrayList<>();
        for (JsonElement group : parse(modelJson).getAsJsonArray("weightsManifest")) {
            for (JsonElement path : group.getAsJsonObject().getAsJsonArray("paths")) {
                names.add(path.getAsString());
            }
        }
        return names;
    }

    private static JsonObject parse(Path modelJson) {
        try (Reader reader = Files.newBufferedReader(modelJson, StandardCharsets.UTF_8)) {
            JsonElement element = JsonParser.parseReader(reader);
            if (!element.isJsonObject()) {
                throw new WeightsException(modelJson + " does not hold a JSON object.");
            }
            return element.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new WeightsException(modelJson + " is not valid JSON (" + e.getMessage() + ").", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + modelJson + ": " + e.getMessage(), e);
        }
    }

    private static List<Layer> layersOf(JsonObject modelConfig) {
        List<Layer> layers = new ArrayList<>();
        JsonElement config = modelConfig.get("config");
        // Sequential models of old Keras versions keep the layer list directly under "config".
        JsonArray list = config == null ? new JsonArray()
                : config.isJsonArray() ? config.getAsJsonArray()
                : config.getAsJsonObject().has("layers") ? config.getAsJsonObject().getAsJsonArray("layers") : new JsonArray();
        for (JsonElement element : list) {
            JsonObject layer = element.getAsJsonObject();
            JsonObject layerConfig = layer.has("config") ? layer.getAsJsonObject("config") : new JsonObject();
            String name = layer.has("name") ? layer.get("name").getAsString() : layerConfig.get("name").getAsString();
            Map<String, Object> configMap = GSON.fromJson(layerConfig, new TypeToken<Map<String, Object>>() {}.getType());
            layers.add(new Layer(name, layer.get("class_name").getAsString(), configMap));
        }
        return layers;
    }

    /** The longest layer name that prefixes {@code weightName} with a slash, else the part before the last slash. */
    private static String layerOf(String weightName, Iterable<String> layerNames) {
        String best = null;
        for (String layer : layerNames) {
            if (weightName.startsWith(layer + "/") && (best == null || layer.length() > best.length())) {
                best = layer;
            }
        }
        if (best != null) {
            return best;
        }
        int slash = weightName.lastIndexOf('/');
        return slash < 0 ? weightName : weightName.substring(0, slash);
    }

    private static List<WeightTensor> readManifest(Path modelJson, JsonArray manifest) {
        List<WeightTensor> tensors = new ArrayList<>();
        for (JsonElement element : manifest) {
            JsonObject group = element.getAsJsonObject();
            long expected = groupBytes(modelJson, group);
            List<Path> shards = shardPaths(modelJson, group);
            ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(expected)).order(ByteOrder.LITTLE_ENDIAN);
            long found = 0;
            for (Path shard : shards) {
                long size = sizeOf(modelJson, shard);
                found += size;
                if (found > expected) {
                    break;
                }
                try {
                    bytes.put(Files.readAllBytes(shard));
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read " + shard + ": " + e.getMessage(), e);
                }
            }
            if (found != expected) {
                throw new WeightsException(modelJson + ": the shards " + shards + " hold " + found
                        + " bytes but the manifest's weights " + weightNames(group) + " need " + expected + ".");
            }
            bytes.flip();
            for (JsonElement weight : group.getAsJsonArray("weights")) {
                JsonObject w = weight.getAsJsonObject();
                long[] shape = shapeOf(w);
                float[] values = new float[Math.toIntExact(WeightTensor.sizeOf(shape))];
                bytes.asFloatBuffer().get(values);
                bytes.position(bytes.position() + values.length * Float.BYTES);
                tensors.add(new WeightTensor(w.get("name").getAsString(), shape, values));
            }
        }
        return tensors;
    }

    private static long groupBytes(Path modelJson, JsonObject group) {
        long bytes = 0;
        for (JsonElement weight : group.getAsJsonArray("weights")) {
            JsonObject w = weight.getAsJsonObject();
            String dtype = w.has("dtype") ? w.get("dtype").getAsString() : "float32";
            if (!dtype.equals("float32") || w.has("quantization")) {
                throw new WeightsException(modelJson + ": weight '" + w.get("name").getAsString() + "' is stored as "
                        + (w.has("quantization") ? "quantized " : "") + dtype + "; only float32 weights are read here.");
            }
            bytes += WeightTensor.sizeOf(shapeOf(w)) * Float.BYTES;
        }
        return bytes;
    }

    private static long[] shapeOf(JsonObject weight) {
        JsonArray dims = weight.getAsJsonArray("shape");
        long[] shape = new long[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = dims.get(i).getAsLong();
        }
        return shape;
    }

    private static List<Path> shardPaths(Path modelJson, JsonObject group) {
        Path dir = modelJson.toAbsolutePath().getParent();
        List<Path> paths = new ArrayList<>();
        for (JsonElement path : group.getAsJsonArray("paths")) {
            paths.add(dir.resolve(path.getAsString()));
        }
        return paths;
    }

    private static List<String> weightNames(JsonObject group) {
        List<String> names = new ArrayList<>();
        for (JsonElement weight : group.getAsJsonArray("weights")) {
            names.add(weight.getAsJsonObject().get("name").getAsString());
        }
        return names;
    }

    private static long sizeOf(Path modelJson, Path shard) {
        try {
            return Files.size(shard);
        } catch (IOException e) {
            throw new WeightsException(modelJson + " names the shard " + shard.getFileName() + " but " + shard
                    + " cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ").", e);
        }
    }
}
