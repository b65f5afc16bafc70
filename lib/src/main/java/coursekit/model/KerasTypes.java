package coursekit.model;

import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import java.util.Locale;

/**
 * The Keras class name of a layer, for summaries that read like the lecture's: DJL builds ReLU,
 * pooling and flatten as anonymous function blocks ({@code LambdaBlock}), which Keras calls
 * {@code ReLU}, {@code MaxPooling2D}, {@code Flatten}, ...
 */
final class KerasTypes {

    private KerasTypes() {}

    static String of(Block block) {
        if (block instanceof LambdaBlock lambda) {
            return ofFunction(lambda.getName().toLowerCase(Locale.ROOT));
        }
        return switch (block.getClass().getSimpleName()) {
            case "Conv2d", "KerasConv2d" -> "Conv2D";
            case "DepthwiseConv2d" -> "DepthwiseConv2D";
            case "Linear" -> "Dense";
            case "BatchNorm", "BatchNormalization" -> "BatchNormalization";
            case "Dropout" -> "Dropout";
            case "Preprocess" -> "Rescaling";
            case "Layers", "SequentialBlock" -> "Sequential";
            default -> block.getClass().getSimpleName();
        };
    }

    /** The Keras name of a function block, from the name DJL gives it ({@code ReLU}, {@code maxPool2d}, ...). */
    private static String ofFunction(String name) {
        if (name.contains("leaky")) {
            return "LeakyReLU";
        }
        if (name.contains("relu")) {
            return "ReLU";
        }
        if (name.contains("sigmoid") || name.contains("tanh") || name.contains("softmax")) {
            return "Activation";
        }
        if (name.contains("flatten")) {
            return "Flatten";
        }
        boolean global = name.contains("global");
        if (name.contains("maxpool")) {
            return global ? "GlobalMaxPooling2D" : "MaxPooling2D";
        }
        if (name.contains("avgpool")) {
            return global ? "GlobalAveragePooling2D" : "AveragePooling2D";
        }
        return "Lambda";
    }
}
