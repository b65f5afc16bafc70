package coursekit.model;

import coursekit.weights.KerasWeights;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/** What the pretrained presets share: checking their settings and loading weights into a new network. */
final class Pretrained {

    private Pretrained() {}

    /** {@code imagenet}, {@code none} or {@code file} for a Keras-style {@code weights} argument. */
    static String weightsKind(String weights) {
        if (weights == null || weights.equalsIgnoreCase("none")) {
            return "none";
        }
        if (weights.equalsIgnoreCase("imagenet")) {
            return "imagenet";
        }
        if (Files.exists(Path.of(weights))) {
            return "file";
        }
        throw new IllegalArgumentException("The weights argument should be 'imagenet', 'none' or the path of an existing weights "
                + "file. Received: weights=" + weights);
    }

    static void checkInputShape(String model, long[] inputShape, int minSide) {
        if (inputShape == null || inputShape.length != 3 || inputShape[0] != 3 || inputShape[1] < minSide || inputShape[2] < minSide) {
            throw new IllegalArgumentException(model + " needs an input shape {3, height, width} with both sides at least " + minSide
                    + ". Received: inputShape=" + Arrays.toString(inputShape));
        }
    }

    static String checkPooling(String pooling) {
        if (pooling == null) {
            return null;
        }
        String p = pooling.toLowerCase(Locale.ROOT);
        if (!p.equals("avg") && !p.equals("max")) {
            throw new IllegalArgumentException("pooling must be 'avg', 'max' or null. Received: pooling=" + pooling);
        }
        return p;
    }

    /**
     * Reads the weights first (a missing file fails before memory is spent), then makes the
     * network and loads them; {@code classes} 0 marks a base that outputs features.
     */
    static Network create(String name, Layers layers, long[] inputShape, int classes, Supplier<KerasWeights> weights) {
        KerasWeights loaded = weights.get();
        Network network = Network.create(name, layers, inputShape, Head.SOFTMAX, classes);
        try {
            if (loaded != null) {
                KerasWeightsLoader.load(network, loaded);
            }
            return network;
        } catch (RuntimeException e) {
            network.close();
            throw e;
        }
    }
}
