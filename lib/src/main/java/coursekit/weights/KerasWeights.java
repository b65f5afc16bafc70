package coursekit.weights;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The weights of a Keras model grouped by layer name, in the order the file lists them; what
 * {@link KerasHdf5} and {@link TfjsLayersModel} read, in the file's own layout (kernels
 * (h, w, in, out)). {@code coursekit.model.KerasWeightsLoader} puts them into a network.
 */
public final class KerasWeights {

    private final String source;
    private final Map<String, List<WeightTensor>> layers;

    /**
     * Wraps the layers of {@code source} (a file name, for messages); a layer without weights maps
     * to an empty list.
     */
    public KerasWeights(String source, Map<String, List<WeightTensor>> layers) {
        this.source = source;
        Map<String, List<WeightTensor>> copy = new LinkedHashMap<>();
        layers.forEach((name, tensors) -> copy.put(name, List.copyOf(tensors)));
        this.layers = Collections.unmodifiableMap(copy);
    }

    /** Where the weights were read from. */
    public String source() {
        return source;
    }

    /** Every layer the file names, with weights or not, in the file's order. */
    public List<String> layerNames() {
        return List.copyOf(layers.keySet());
    }

    /** The layers that hold weights, in the file's order. */
    public List<String> layersWithWeights() {
        List<String> names = new ArrayList<>();
        layers.forEach((name, tensors) -> {
            if (!tensors.isEmpty()) {
                names.add(name);
            }
        });
        return names;
    }

    public boolean hasLayer(String name) {
        return layers.containsKey(name);
    }

    /** The weights of layer {@code name} in the file's order (e.g. kernel, bias); empty when it has none. */
    public List<WeightTensor> layer(String name) {
        List<WeightTensor> tensors = layers.get(name);
        if (tensors == null) {
            throw new WeightsException(source + " has no layer named '" + name + "'; its layers with weights are "
                    + layersWithWeights() + ".");
        }
        return tensors;
    }

    /** The tensor named {@code name} (e.g. {@code conv1/kernel} or {@code block1_conv1/kernel:0}). */
    public WeightTensor tensor(String name) {
        for (List<WeightTensor> tensors : layers.values()) {
            for (WeightTensor tensor : tensors) {
                if (tensor.name().equals(name)) {
                    return tensor;
                }
            }
        }
        throw new WeightsException(source + " has no weight named '" + name + "'.");
    }

    /** All tensors, layer by layer. */
    public List<WeightTensor> tensors() {
        List<WeightTensor> all = new ArrayList<>();
        layers.values().forEach(all::addAll);
        return all;
    }

    public int tensorCount() {
        return layers.values().stream().mapToInt(List::size).sum();
    }

    /** Number of values over all tensors, as Keras counts parameters (batch-norm statistics included). */
    public long parameterCount() {
        return layers.values().stream().flatMap(List::stream).mapToLong(WeightTensor::size).sum();
    }

    @Override
    public String toString() {
        return "KerasWeights[" + source + ", " + layersWithWeights().size() + " layers with weights, " + tensorCount()
                + " tensors, " + String.format("%,d", parameterCount()) + " values]";
    }
}
