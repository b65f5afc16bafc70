package coursekit.lab;

import ai.djl.ndarray.types.Shape;
import coursekit.data.Split;
import coursekit.model.Models;
import coursekit.model.Network;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * What the transfer labs share: the pretrained base ({@code --backbone}, {@code --weights}), its
 * input size, and the lecture's classifier head (pooling or flatten, dense 256 with ReLU, dropout
 * 0.5, one sigmoid output) on top of it or on features it computed.
 */
final class Transfer {

    /** The options of every transfer lab besides the common ones. */
    static final Set<String> OPTIONS = Set.of("backbone", "weights", "pooling", "alpha");

    /** The smallest side the pretrained bases accept. */
    private static final int MIN_SIZE = 32;

    private final Backbone backbone;
    private final String weights;
    private final String pooling;
    private final double alpha;

    private Transfer(Backbone backbone, String weights, String pooling, double alpha) {
        this.backbone = backbone;
        this.weights = weights;
        this.pooling = pooling;
        this.alpha = alpha;
    }

    /** MobileNet's default width on the lecture's photos: 0.97 against 0.92 for 0.25 (docs/transfer-learning.md). */
    static final String PHOTO_WIDTH = "0.75";

    /** MobileNet's default width on the embedded 32-pixel set, where the wider base costs more than it gives. */
    static final String EMBEDDED_WIDTH = "0.25";

    /**
     * Reads and checks {@code --backbone}, {@code --alpha} (by default 0.75 on the lecture's photos and 0.25 on the
     * embedded set), {@code --weights}, {@code --pooling} and {@code --size}.
     */
    static Transfer from(LabSession session) {
        LabArgs options = session.options();
        Backbone backbone = Backbone.of(options);
        String weights = options.string("weights", "imagenet");
        if (!weights.equalsIgnoreCase("imagenet") && !weights.equalsIgnoreCase("none") && !Files.exists(Path.of(weights))) {
            throw new LabException("--weights " + weights + " is not a file or folder; give imagenet (the default, from the weights "
                    + "directory), none (random weights), or the path of " + (backbone == Backbone.VGG16
                            ? "Keras's vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5"
                            : "a MobileNet TF.js model folder or Keras .h5 file") + ".");
        }
        if (options.has("size") && options.integer("size", MIN_SIZE) < MIN_SIZE) {
            throw new LabException("--size " + options.string("size", "") + " is too small: " + backbone.option()
                    + " needs images of at least " + MIN_SIZE + " pixels a side.");
        }
        String pooling = options.choice("pooling", backbone.pooling(), "flatten", "avg");
        if (options.has("alpha") && backbone != Backbone.MOBILENET) {
            throw new LabException("--alpha sets MobileNet's width; " + backbone.option() + " has none, so leave it out.");
        }
        String width = session.photosFolder() != null ? PHOTO_WIDTH : EMBEDDED_WIDTH;
        double alpha = Double.parseDouble(options.choice("alpha", width, "0.25", "0.5", "0.75", "1.0"));
        return new Transfer(backbone, weights.equalsIgnoreCase("imagenet") || weights.equalsIgnoreCase("none")
                ? weights.toLowerCase(Locale.ROOT) : weights, pooling, alpha);
    }

    Backbone backbone() {
        return backbone;
    }

    /** The backbone as results name it: {@code mobilenet} (width 0.25), {@code mobilenet-0.75}, {@code vgg16}. */
    String name() {
        return backbone == Backbone.MOBILENET && alpha != 0.25 ? backbone.option() + "-" + alpha : backbone.option();
    }

    /** The session's data at this backbone's size, saying why that size. */
    Split data(LabSession session) {
        return session.data(backbone.size(), backbone == Backbone.MOBILENET
                ? "MobileNet learned ImageNet from 224-pixel photos, and on the validation images fast feature extraction "
                        + "did best at 160 of the sizes tried (96, 128, 160; docs/transfer-learning.md)."
                : "the lecture's 150 pixels.");
    }

    /** The pretrained base for {@code inputShape}, frozen. */
    Network frozenBase(long[] inputShape) {
        Network base = backbone.base(inputShape, weights, alpha);
        base.freezeAll();
        long[] out = base.layers().getOutputShapes(new Shape[] {base.batchShape(1)})[0].getShape();
        System.out.println(String.format(Locale.ROOT, "Base: %s (weights: %s), %,d parameters, all frozen; it turns each image into a %s "
                + "feature map.", base.name(), weights, base.parameterCount(), Arrays.toString(Arrays.copyOfRange(out, 1, out.length))));
        return base;
    }

    /** The lecture's head on top of {@code base}, sharing its layers. */
    Network classifier(Network base) {
        return Models.classifier(base).pooling(pooling).dense(256).dropout(0.5).outputs(1).build();
    }

    /** The lecture's head alone, for features of {@code featureShape} that the base computed. */
    Network head(long[] featureShape) {
        return head(featureShape, 2);
    }

    /** The same head for {@code classes} classes: one sigmoid output for two, a softmax over {@code classes} otherwise. */
    Network head(long[] featureShape, int classes) {
        return Models.classifier(featureShape).pooling(pooling).dense(256).dropout(0.5).outputs(classes == 2 ? 1 : classes).name("head")
                .build();
    }

    /** Describes the head for the lab's opening lines. */
    String describeHead() {
        return (pooling.equals("avg") ? "global average pooling" : "flatten") + ", dense 256 (ReLU), dropout 0.5, dense 1 (sigmoid)";
    }
}
