package coursekit.weights;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Keras HDF5 weights file ({@code model.save_weights('x.h5')} or a whole-model
 * {@code .h5}, Keras 1 and 2 layouts), such as Keras's
 * {@code vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5}.
 *
 * <p>Names come from the file's attributes, as Keras's own loader takes them: the root (or
 * {@code /model_weights}) attribute {@code layer_names} lists the layers, each layer group's
 * attribute {@code weight_names} lists its weights, and each weight is the dataset at that name
 * inside the layer's group (e.g. {@code /block1_conv1/block1_conv1/kernel:0}). Guessing dataset
 * paths instead would break on files whose names do not follow the newest convention.
 */
public final class KerasHdf5 {

    private KerasHdf5() {}

    /** Every layer of {@code file} with its weights in the file's layout. */
    public static KerasWeights read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new WeightsException("The Keras weights file " + file + " does not exist.");
        }
        try (HdfFile hdf = new HdfFile(file)) {
            Group root = hdf;
            if (hdf.getAttribute("layer_names") == null && hdf.getChildren().get("model_weights") instanceof Group weights) {
                root = weights; // a whole model saved with model.save(): weights live under /model_weights
            }
            List<String> layerNames = strings(root, "layer_names");
            if (layerNames == null) {
                throw new WeightsException(file + " is an HDF5 file but not a Keras weights file: it has no attribute "
                        + "'layer_names' at its root (nor under /model_weights); Keras 3's .weights.h5 files are not read here.");
            }
            Map<String, List<WeightTensor>> layers = new LinkedHashMap<>();
            for (String layer : layerNames) {
                layers.put(layer, readLayer(file, root, layer));
            }
            return new KerasWeights(file.toString(), layers);
        } catch (HdfException e) {
            throw new WeightsException("Cannot read " + file + " as HDF5 (" + e.getMessage() + "); is it a complete Keras "
                    + ".h5 weights file?", e);
        }
    }

    private static List<WeightTensor> readLayer(Path file, Group root, String layer) {
        Node node = find(root, layer);
        // Keras 1 files keep no group for layers without weights (input, activations, pooling).
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof Group group)) {
            throw new WeightsException(file + " lists layer '" + layer + "' but " + node.getPath() + " is not a group.");
        }
        List<String> weightNames = strings(group, "weight_names");
        List<WeightTensor> tensors = new ArrayList<>();
        if (weightNames == null) {
            return tensors;
        }
        for (String weightName : weightNames) {
            Node child = find(group, weightName);
            if (!(child instanceof Dataset dataset)) {
                throw new WeightsException(file + ": layer '" + layer + "' lists weight '" + weightName
                        + "' but there is no dataset " + group.getPath() + weightName + ".");
            }
            tensors.add(new WeightTensor(weightName, shapeOf(dataset), floats(file, dataset)));
        }
        return tensors;
    }

    private static Node find(Group group, String path) {
        try {
            return group.getByPath(path);
        } catch (HdfException e) {
            return null;
        }
    }

    /**
     * A string-array attribute, or null when absent or empty. Keras splits attributes over 64 KiB
     * into {@code name0}, {@code name1}, ...
     */
    static List<String> strings(Node node, String name) {
        Attribute attribute = node.getAttribute(name);
        if (attribute != null) {
            return toStrings(attribute.getData());
        }
        List<String> chunks = new ArrayList<>();
        for (int chunk = 0; node.getAttribute(name + chunk) != null; chunk++) {
            List<String> part = toStrings(node.getAttribute(name + chunk).getData());
            if (part != null) {
                chunks.addAll(part);
            }
        }
        return chunks.isEmpty() ? null : chunks;
    }

    private static List<String> toStrings(Object data) {
        if (data == null) {
            return null;
        }
        List<String> values = new ArrayList<>();
        if (data instanceof Object[] array) {
            for (Object value : array) {
                values.add(text(value));
            }
        } else {
            values.add(text(data));
        }
        return values;
    }

    private static String text(Object value) {
        return value instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8) : String.valueOf(value);
    }

    private static long[] shapeOf(Dataset dataset) {
        int[] dims = dataset.getDimensions();
        long[] shape = new long[dims.length];
        for (int i = 0; i < dims.length; i++) {
            shape[i] = dims[i];
        }
        return shape;
    }

    private static float[] floats(Path file, Dataset dataset) {
        Object data = dataset.isScalar() ? dataset.getData() : dataset.getDataFlat();
        if (data instanceof float[] values) {
            return values;
        }
        if (data instanceof Float value) {
            return new float[] {value};
        }
        if (data instanceof double[] values) {
            float[] narrowed = new float[values.length];
            for (int i = 0; i < values.length; i++) {
                narrowed[i] = (float) values[i];
            }
            return narrowed;
        }
        if (data instanceof Double value) {
            return new float[] {value.floatValue()};
        }
        throw new WeightsException(file + ": dataset " + dataset.getPath() + " holds " + dataset.getJavaType().getSimpleName()
                + " values; Keras weights are float32 or float64.");
    }
}
