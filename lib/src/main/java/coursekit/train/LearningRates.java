package coursekit.train;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import coursekit.model.Layers;
import coursekit.model.Network;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Differential learning rates: each parameter's rate is the optimizer's rate times the factor of
 * the nearest layer at or before its own that {@link FitConfig#learningRateFactor} named, so early,
 * general layers of a pretrained base can move more slowly than the new head.
 */
final class LearningRates {

    private LearningRates() {}

    static Map<String, Float> perParameter(Network network, Set<String> trainable, double baseRate, Map<String, Double> factors) {
        Layers layers = network.layers();
        List<String> names = layers.names();
        double[] layerFactor = new double[names.size()];
        double current = 1.0;
        for (int i = 0; i < names.size(); i++) {
            current = factors.getOrDefault(names.get(i), current);
            layerFactor[i] = current;
        }
        for (String named : factors.keySet()) {
            layers.indexOf(named); // fails with the list of layer names when the name is unknown
        }
        Map<Parameter, Integer> layerOf = new IdentityHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            Block block = layers.layer(names.get(i));
            for (Pair<String, Parameter> pair : block.getParameters()) {
                layerOf.put(pair.getValue(), i);
            }
        }
        Map<String, Parameter> all = network.parameters();
        Map<String, Float> rates = new LinkedHashMap<>();
        for (String key : trainable) {
            Integer layer = layerOf.get(all.get(key));
            rates.put(key, (float) (baseRate * (layer == null ? 1.0 : layerFactor[layer])));
        }
        return rates;
    }
}
