package coursekit.model;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import ai.djl.util.Pair;
import java.util.Arrays;
import java.util.Locale;

/**
 * Builds a classifier head, either on top of a (usually pretrained, frozen) base network, as the
 * lecture's {@code conv_base + Flatten + Dense(256) + Dropout(0.5) + Dense(1)}, or alone on
 * features that a base computed earlier (fast feature extraction).
 *
 * <pre>{@code
 * var model = Models.classifier(base).pooling("flatten").dense(256).dropout(0.5).outputs(1).build();
 * var head  = Models.classifier(features.featureShape()).dense(256).dropout(0.5).outputs(1).build();
 * }</pre>
 *
 * <p>A classifier on a base shares the base's layers (as a Keras model built on {@code conv_base}
 * does): training the classifier changes the base's unfrozen weights.
 */
public final class Classifier {

    private final Network base;
    private final long[] inputShape;
    private String pooling;
    private int dense;
    private double dropout;
    private int outputs = -1;
    private String name;

    private Classifier(Network base, long[] inputShape) {
        this.base = base;
        this.inputShape = inputShape.clone();
    }

    static Classifier on(Network base) {
        return new Classifier(java.util.Objects.requireNonNull(base, "base"), base.inputShape());
    }

    static Classifier forFeatures(long[] featureShape) {
        if (featureShape.length == 0 || Arrays.stream(featureShape).anyMatch(d -> d < 1)) {
            throw new IllegalArgumentException("A feature shape needs positive dimensions, but got " + Arrays.toString(featureShape) + ".");
        }
        return new Classifier(null, featureShape);
    }

    /** How a feature map becomes a vector: {@code "flatten"}, {@code "avg"} or {@code "max"} (global pooling); none by default. */
    public Classifier pooling(String pooling) {
        this.pooling = pooling;
        return this;
    }

    /** A hidden dense layer of {@code units} with ReLU before the output (none by default). */
    public Classifier dense(int units) {
        this.dense = units;
        return this;
    }

    /** Dropout rate before the output layer (0 by default). */
    public Classifier dropout(double rate) {
        this.dropout = rate;
        return this;
    }

    /** 1 for a sigmoid (two-class) output, else one softmax unit per class. Required. */
    public Classifier outputs(int outputs) {
        this.outputs = outputs;
        return this;
    }

    /** The network's name (default: the base's name + "_classifier", or "classifier"). */
    public Classifier name(String name) {
        this.name = name;
        return this;
    }

    /** Checks the settings and initialises the new layers; the base's layers keep their weights. */
    public Network build() {
        if (outputs < 1) {
            throw new IllegalArgumentException("outputs must be 1 (sigmoid) or the number of classes. Received: outputs=" + outputs);
        }
        if (dense < 0) {
            throw new IllegalArgumentException("dense must be a positive number of units, or 0 for none. Received: dense=" + dense);
        }
        if (dropout < 0 || dropout >= 1) {
            throw new IllegalArgumentException("dropout must be in [0, 1). Received: dropout=" + dropout);
        }
        Layers layers = new Layers();
        if (base != null) {
            Layers baseLayers = base.layers();
            for (Pair<String, Block> child : baseLayers.getChildren()) {
                layers.add(baseLayers.names().get(layers.names().size()), child.getValue());
            }
        }
        Block poolingBlock = poolingBlock();
        if (poolingBlock != null) {
            layers.add(poolingName(layers), poolingBlock);
        }
        if (dense > 0) {
            layers.add(Linear.builder().setUnits(dense).build());
            layers.addNumbered("re_lu", Activation.reluBlock());
        }
        if (dropout > 0) {
            layers.add(Dropout.builder().optRate((float) dropout).build());
        }
        layers.add(Linear.builder().setUnits(outputs).build());
        Head head = Head.forOutputs(outputs);
        String networkName = name != null ? name : base != null ? base.name() + "_classifier" : "classifier";
        return Network.create(networkName, layers, inputShape, head, head == Head.SIGMOID ? 2 : outputs);
    }

    private Block poolingBlock() {
        if (pooling == null) {
            return null;
        }
        switch (pooling.toLowerCase(Locale.ROOT)) {
            case "flatten":
                return Blocks.batchFlattenBlock();
            case "avg":
                return Pool.globalAvgPool2dBlock();
            case "max":
                return Pool.globalMaxPool2dBlock();
            default:
                throw new IllegalArgumentException("pooling must be 'flatten', 'avg', 'max' or null. Received: pooling=" + pooling);
        }
    }

    private String poolingName(Layers layers) {
        String kind = pooling.toLowerCase(Locale.ROOT);
        String wanted = kind.equals("flatten") ? "flatten" : "global_" + (kind.equals("avg") ? "average" : "max") + "_pooling2d";
        return layers.names().contains(wanted) ? wanted + "_1" : wanted;
    }
}
