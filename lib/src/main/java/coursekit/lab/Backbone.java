package coursekit.lab;

import coursekit.model.MobileNet;
import coursekit.model.Network;
import coursekit.model.Vgg16;
import coursekit.weights.WeightsDirectory;
import coursekit.weights.WeightsFile;

/**
 * The pretrained convolutional bases the transfer labs offer, each with the settings that suit it:
 * input size on the embedded images, how its feature map becomes a vector, learning rates, and
 * where fine-tuning starts.
 */
enum Backbone {

    /**
     * ImageNet MobileNet v1, of width 0.75 on the lecture's photos (1,832,976 parameters) and 0.25 on the embedded
     * set (218,544), unless {@code --alpha} says otherwise.
     * Its ReLU6 features lie in [0, 6], so its head learns at RMSprop 1e-3 (at the lecture's 2e-5
     * it was still underfitting after 30 epochs). Fine-tuning starts at {@code conv_dw_12}: blocks
     * 12 and 13 hold 47% of its weights, as block 5 holds 48% of VGG16's.
     */
    MOBILENET("mobilenet", 160, "avg", 1e-3, "conv_dw_12", 1e-4, 0.1) {
        @Override
        Network base(long[] inputShape, String weights, double alpha) {
            // The 224-pixel weights at any input size: they are the ones published and checked
            // here, and a base of another size then gives the same results on every machine.
            String file = weights.equals("imagenet")
                    ? WeightsDirectory.standard().locate(WeightsFile.mobilenetV1(alpha, 224)).toString() : weights;
            return MobileNet.builder().alpha(alpha).includeTop(false).inputShape(inputShape).weights(file).build();
        }
    },

    /**
     * ImageNet VGG16, the lecture's base (14,714,688 parameters), with the lecture's settings:
     * flatten, head at RMSprop 2e-5, fine-tuning from {@code block5_conv1}; in fine-tuning the head
     * keeps 2e-5 and block 5 learns at half of it, the lecture's 1e-5.
     */
    VGG16("vgg16", 150, "flatten", 2e-5, "block5_conv1", 2e-5, 0.5) {
        @Override
        Network base(long[] inputShape, String weights, double alpha) {
            return Vgg16.builder().includeTop(false).inputShape(inputShape).weights(weights).build();
        }
    };

    private final String option;
    private final int size;
    private final String pooling;
    private final double headRate;
    private final String fineTuneFrom;
    private final double fineTuneRate;
    private final double baseRateFactor;

    Backbone(String option, int size, String pooling, double headRate, String fineTuneFrom, double fineTuneRate, double baseRateFactor) {
        this.option = option;
        this.size = size;
        this.pooling = pooling;
        this.headRate = headRate;
        this.fineTuneFrom = fineTuneFrom;
        this.fineTuneRate = fineTuneRate;
        this.baseRateFactor = baseRateFactor;
    }

    /**
     * The convolutional base for images of {@code inputShape}, with {@code weights}: "imagenet", "none" or a
     * file; {@code alpha} is MobileNet's width (VGG16 has none).
     */
    abstract Network base(long[] inputShape, String weights, double alpha);

    /** The value of {@code --backbone} that picks it. */
    String option() {
        return option;
    }

    /** Side of the square images it sees when the embedded 32x32 images are upsampled. */
    int size() {
        return size;
    }

    /** How the head turns its feature map into a vector: "flatten" or "avg". */
    String pooling() {
        return pooling;
    }

    /** RMSprop learning rate of the new head (feature extraction). */
    double headRate() {
        return headRate;
    }

    /** The first layer that fine-tuning unfreezes. */
    String fineTuneFrom() {
        return fineTuneFrom;
    }

    /** RMSprop learning rate of the head while fine-tuning. */
    double fineTuneRate() {
        return fineTuneRate;
    }

    /** Factor on {@link #fineTuneRate()} for the unfrozen base layers (differential learning rates). */
    double baseRateFactor() {
        return baseRateFactor;
    }

    /** The backbone {@code --backbone} names. */
    static Backbone of(LabArgs options) {
        String name = options.choice("backbone", MOBILENET.option, MOBILENET.option, VGG16.option);
        return name.equals(VGG16.option) ? VGG16 : MOBILENET;
    }
}
