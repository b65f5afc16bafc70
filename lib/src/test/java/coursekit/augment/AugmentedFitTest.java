package coursekit.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import coursekit.data.ImageSet;
import coursekit.engine.Seeds;
import coursekit.model.Head;
import coursekit.model.Layers;
import coursekit.model.Network;
import coursekit.train.Fit;
import coursekit.train.FitConfig;
import coursekit.train.History;
import coursekit.train.Samples;
import org.junit.jupiter.api.Test;

/** fit() augments the training batches, and only those. */
class AugmentedFitTest {

    /** Class 0 dark, class 1 bright: learnable from brightness alone. */
    private static final ImageSet TRAIN = Images.of(32, 16, 16, 3, (n, r, c, ch) -> (n % 2 == 0 ? 40 : 160) + (r * 7 + c * 3 + n) % 50);
    private static final ImageSet VALIDATION = Images.of(16, 16, 16, 3, (n, r, c, ch) -> (n % 2 == 0 ? 45 : 155) + (r * 5 + c + n) % 40);

    /** Multiplies every pixel by 0: the network sees only black training images. */
    private static final Augmenter BLACKOUT = Augmenter.builder().brightnessRange(0, 0).seed(1).build();

    private static ImageSet twoClasses(ImageSet images) {
        int[] labels = new int[images.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 2;
        }
        byte[] pixels = new byte[images.size() * images.imageBytes()];
        for (int i = 0; i < images.size(); i++) {
            images.copyImage(i, pixels, i * images.imageBytes());
        }
        return ImageSet.of(pixels, labels, images.height(), images.width(), images.channels(), java.util.List.of("dark", "bright"));
    }

    private static Network smallCnn(long seed) {
        Seeds.set(seed);
        Layers layers = new Layers()
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(4).build())
                .addNumbered("re_lu", Activation.reluBlock())
                .add("flatten", Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(1).build());
        return Network.create("small_cnn", layers, new long[] {3, 16, 16}, Head.SIGMOID, 2);
    }

    private static History fit(Network net, FitConfig config) {
        return Fit.fit(net, twoClasses(TRAIN), twoClasses(VALIDATION), config.seed(3).quiet());
    }

    @Test
    void validationImagesAreNeverAugmented() {
        try (Network net = smallCnn(5)) {
            History history = fit(net, FitConfig.epochs(1).batchSize(8).augment(BLACKOUT));

            // Fit.evaluate knows nothing of the augmenter; equal numbers mean fit validated on the images as they are.
            assertEquals(Fit.evaluate(net, twoClasses(VALIDATION)).loss(), history.last(History.VAL_LOSS), 0);
        }
    }

    @Test
    void trainingImagesAreAugmented() {
        try (Network net = smallCnn(5)) {
            // One batch of all 32 images: if they all turn black the network cannot tell them apart, so it gets
            // exactly the half of them right that share its one prediction.
            History history = fit(net, FitConfig.epochs(1).batchSize(32).augment(BLACKOUT));

            assertEquals(0.5, history.last(History.ACCURACY), 0);
        }
    }

    @Test
    void augmentedTrainingIsReproducible() {
        Augmenter augmenter = Augmenter.builder().rotationRange(20).horizontalFlip(true).zoomRange(0.1).seed(8).build();
        FitConfig config = FitConfig.epochs(2).batchSize(8).augment(augmenter);
        String first;
        try (Network net = smallCnn(6)) {
            first = fit(net, config).toCsv();
        }
        try (Network net = smallCnn(6)) {
            assertEquals(first, fit(net, config).toCsv());
        }
    }

    @Test
    void augmentedBatchesAreChannelFirstInUnitRange() {
        Augmenter augmenter = Augmenter.builder().rotationRange(30).seed(2).build();
        int[] indices = {3, 0, 7};
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray batch = Samples.of(TRAIN).augmentedInputs(manager, indices, augmenter, 4);

            assertEquals(new Shape(3, 3, 16, 16), batch.getShape());
            assertArrayEquals(augmenter.channelsFirst(TRAIN, indices, 4, 1f / 255), batch.toFloatArray(), 0f);
            assertTrue(batch.max().getFloat() <= 1f);
        }
    }

    @Test
    void augmentIsCopyOnSetLikeTheOtherSettings() {
        FitConfig base = FitConfig.epochs(3);

        FitConfig augmented = base.augment(BLACKOUT);

        assertNull(base.augment());
        assertSame(BLACKOUT, augmented.augment());
        assertSame(BLACKOUT, augmented.batchSize(4).augment());
    }

    @Test
    void anAugmenterForFitMustLeaveRescaleUnsetOrOneOver255() {
        Augmenter halves = Augmenter.builder().rescale(0.5).seed(1).build();

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> FitConfig.epochs(1).augment(halves));

        assertTrue(error.getMessage().endsWith("but got rescale=0.5."), error.getMessage());
        assertSame(FitConfig.class, FitConfig.epochs(1).augment(Augmenter.builder().rescale(1. / 255).build()).getClass());
    }
}
