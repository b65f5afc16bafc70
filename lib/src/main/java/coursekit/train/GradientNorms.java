package coursekit.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.Pair;
import coursekit.data.Batches;
import coursekit.data.ImageSet;
import coursekit.model.Network;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * How large each layer's gradient is on one batch: the L2 norm of the loss's gradient with respect to
 * all of a layer's trainable parameters, from the input side to the output. Gradients that shrink
 * layer after layer towards the input are the vanishing-gradient problem; gradients that grow are the
 * exploding one. Nothing changes: the gradients are cleared afterwards and batch normalisation's
 * moving statistics, which the training-mode pass moves, are put back.
 */
public final class GradientNorms {

    private GradientNorms() {}

    /**
     * Several networks' gradient norms on the same images side by side: one row per layer name (in the
     * order first met), one column per network, empty where a network has no such layer.
     */
    public static Table compare(Map<String, Network> networks, ImageSet images, int count) {
        Map<String, Map<String, Double>> norms = new LinkedHashMap<>();
        networks.forEach((name, network) -> norms.put(name, of(network, images, count)));
        List<String> layers = norms.values().stream().flatMap(m -> m.keySet().stream()).distinct().toList();
        Table table = Table.create("Gradient norm per layer, input side first", StringColumn.create("layer", layers));
        norms.forEach((name, byLayer) -> table.addColumns(DoubleColumn.create(name,
                layers.stream().mapToDouble(layer -> byLayer.getOrDefault(layer, Double.NaN)).toArray())));
        return table;
    }

    /**
     * The gradient norm of every layer that has trainable parameters, by layer name in the network's
     * order, for the loss on the first {@code count} images of {@code images} (in training mode).
     */
    public static Map<String, Double> of(Network network, ImageSet images, int count) {
        if (count < 1 || images.size() == 0) {
            throw new IllegalArgumentException("Gradient norms need at least one image, but got count=" + count
                    + " of a set of " + images.size() + ".");
        }
        coursekit.engine.Autograd.offOnThisThread();
        int[] indices = Batches.range(0, Math.min(count, images.size()));
        Samples samples = Samples.of(images);
        Map<String, Double> norms = new LinkedHashMap<>();
        try (NDScope scope = new NDScope()) {
            // A training-mode pass moves batch normalisation's moving statistics: keep them to put back.
            Map<NDArray, NDArray> kept = new LinkedHashMap<>();
            network.parameters().values().stream().filter(p -> !p.requiresGradient())
                    .forEach(p -> kept.put(p.getArray(), p.getArray().duplicate()));
            NDArray x = samples.inputs(network.manager(), indices);
            NDArray y = samples.labels(network.manager(), indices, network.head());
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.backward(Losses.crossEntropy(network.head(), network.logits(x, true), y));
            }
            List<String> names = network.layers().names();
            for (int i = 0; i < names.size(); i++) {
                Block block = network.layers().getChildren().get(i).getValue();
                double squares = 0;
                boolean trainable = false;
                for (Pair<String, Parameter> pair : block.getParameters()) {
                    Parameter parameter = pair.getValue();
                    if (parameter.requiresGradient()) {
                        NDArray gradient = parameter.getArray().getGradient();
                        squares += gradient.square().sum().getFloat();
                        gradient.subi(gradient);
                        trainable = true;
                    }
                }
                if (trainable) {
                    norms.put(names.get(i), Math.sqrt(squares));
                }
            }
            kept.forEach((array, saved) -> array.subi(array).addi(saved));
            scope.suppressNotUsedWarning();
        }
        return norms;
    }
}
