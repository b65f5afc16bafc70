package coursekit.model;

import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A sequential stack of blocks, each under a Keras-style layer name ({@code conv2d},
 * {@code max_pooling2d_1}, {@code block5_conv1}), so that notebooks can freeze, inspect and
 * load weights by the names the lecture uses.
 */
public final class Layers extends SequentialBlock {

    private final List<String> names = new ArrayList<>();
    private final Map<String, Integer> autoNameCounts = new HashMap<>();

    /** Adds {@code block} under {@code name}, which must be unique in this stack. */
    public Layers add(String name, Block block) {
        if (names.contains(name)) {
            throw new IllegalArgumentException("A layer named '" + name + "' already exists; layer names must be unique.");
        }
        names.add(name);
        addChildBlock(name, block);
        return this;
    }

    /** Adds {@code block} under a Keras-style name made from its class: conv2d, conv2d_1, dense, ... */
    @Override
    public Layers add(Block block) {
        return addNumbered(kindOf(block), block);
    }

    /**
     * Adds {@code block} under {@code kind} numbered as Keras numbers layers: the first
     * {@code max_pooling2d}, then {@code max_pooling2d_1}, ...
     */
    public Layers addNumbered(String kind, Block block) {
        // Names given explicitly (e.g. copied from a base network) may already use a number: skip it.
        String name;
        do {
            int seen = autoNameCounts.merge(kind, 1, Integer::sum) - 1;
            name = seen == 0 ? kind : kind + "_" + seen;
        } while (names.contains(name));
        return add(name, block);
    }

    /** The layer names, in order. */
    public List<String> names() {
        return Collections.unmodifiableList(names);
    }

    /** The block of layer {@code name}. */
    public Block layer(String name) {
        return getChildren().get(indexOf(name)).getValue();
    }

    /** The position of layer {@code name}; a clear error lists the names when it is unknown. */
    public int indexOf(String name) {
        int index = names.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("No layer is named '" + name + "'; the layers are " + names + ".");
        }
        return index;
    }

    private static String kindOf(Block block) {
        String simple = block.getClass().getSimpleName();
        switch (simple) {
            case "Conv2d":
                return "conv2d";
            case "Linear":
                return "dense";
            case "BatchNorm":
            case "BatchNormalization":
                return "batch_normalization";
            case "KerasConv2d":
                return "conv2d";
            case "DepthwiseConv2d":
                return "depthwise_conv2d";
            case "Dropout":
                return "dropout";
            default:
                return simple.toLowerCase(Locale.ROOT);
        }
    }
}
