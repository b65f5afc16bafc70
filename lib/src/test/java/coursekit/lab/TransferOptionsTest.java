package coursekit.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coursekit.model.Network;
import coursekit.weights.WeightsDirectory;
import coursekit.weights.WeightsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the transfer labs treat their options; none of these runs train anything. */
class TransferOptionsTest {

    private static String failure(Consumer<String[]> lab, String... args) {
        return assertThrows(LabException.class, () -> lab.accept(args)).getMessage();
    }

    @Test
    void anUnknownBackboneNamesTheTwoThereAre() {
        assertEquals("Option --backbone of lab fine-tuning is one of mobilenet, vgg16, but got 'resnet50'.",
                failure(FineTuningLab::run, "--backbone", "resnet50"));
    }

    @Test
    void missingWeightsNameTheFileTheBackboneNeeds() {
        String message = failure(FeatureExtractionLab::run, "--backbone", "vgg16", "--weights", "/no/such/vgg16.h5");
        assertTrue(message.startsWith("--weights /no/such/vgg16.h5 is not a file or folder"), message);
        assertTrue(message.contains("vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5"), message);
    }

    @Test
    void imagesSmallerThanTheBaseAcceptsAreRefused() {
        assertEquals("--size 16 is too small: mobilenet needs images of at least 32 pixels a side.",
                failure(FeatureExtractionLab::run, "--size", "16"));
    }

    @Test
    void aWidthWithoutPublishedWeightsListsTheWidthsThereAre() {
        assertEquals("Option --alpha of lab feature-extraction is one of 0.25, 0.5, 0.75, 1.0, but got '0.3'.",
                failure(FeatureExtractionLab::run, "--alpha", "0.3"));
    }

    @Test
    void mobilenetIsWiderOnThePhotosThanOnTheEmbeddedSet(@TempDir Path photos) {
        assertEquals("mobilenet-0.75", width("--data", photos.toString()));
        assertEquals("mobilenet", width("--data", "embedded"));
        assertEquals("mobilenet-0.5", width("--data", photos.toString(), "--alpha", "0.5"));
        assertEquals("mobilenet-0.75", width("--data", "embedded", "--alpha", "0.75"));
    }

    private static String width(String... args) {
        return Transfer.from(LabSession.start("feature-extraction", args, Transfer.OPTIONS)).name();
    }

    @Test
    void vgg16HasNoWidth() {
        assertEquals("--alpha sets MobileNet's width; vgg16 has none, so leave it out.",
                failure(FineTuningLab::run, "--backbone", "vgg16", "--alpha", "0.75"));
    }

    @Test
    void anUnknownModeListsTheModes() {
        assertEquals("Option --mode of lab feature-extraction is one of fast, augmented, both, but got 'slow'.",
                failure(FeatureExtractionLab::run, "--mode", "slow"));
    }

    @Test
    void anUnknownPoolingListsTheChoices() {
        assertEquals("Option --pooling of lab fine-tuning is one of flatten, avg, but got 'max'.",
                failure(FineTuningLab::run, "--pooling", "max"));
    }

    @Test
    void dataWithoutTheLecturesFoldersSaysWhichIsMissing(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("train"));
        String message = assertThrows(coursekit.data.DatasetException.class,
                () -> FineTuningLab.run(new String[] {"--data", dir.toString(), "--backbone", "vgg16", "--weights", "none"})).getMessage();
        assertEquals(dir + " has no validation/ folder; the lecture's layout is train/, validation/ and test/, each with one folder "
                + "per class (cats/, dogs/).", message);
    }

    @Test
    void fineTuningFromALayerTheBaseLacksListsItsLayers() {
        String message = failure(FineTuningLab::run, "--data", "embedded", "--weights", "none", "--size", "32", "--fine-tune-from", "block5_conv1");
        assertTrue(message.startsWith("--fine-tune-from block5_conv1 is not a layer of mobilenet_0.25_32 with weights; pick one of conv1, "
                + "conv_dw_1, conv_pw_1,"), message);
        assertTrue(message.endsWith("conv_dw_13, conv_pw_13."), message);
    }

    @Test
    void mobilenetReadsThe224PixelWeightsAtAnyInputSize(@TempDir Path empty) {
        String previousDirectory = System.setProperty(WeightsDirectory.PROPERTY, empty.toString());
        String previousOffline = System.setProperty(WeightsDirectory.OFFLINE_PROPERTY, "true");
        try {
            WeightsException error = assertThrows(WeightsException.class,
                    () -> Backbone.MOBILENET.base(new long[] {3, 160, 160}, "imagenet", 0.25));
            assertTrue(error.getMessage().contains("mobilenet_v1_0.25_224_tfjs are not in " + empty), error.getMessage());
            WeightsException wider = assertThrows(WeightsException.class,
                    () -> Backbone.MOBILENET.base(new long[] {3, 160, 160}, "imagenet", 0.75));
            assertTrue(wider.getMessage().contains("mobilenet_v1_0.75_224_tfjs are not in " + empty), wider.getMessage());
        } finally {
            restore(WeightsDirectory.PROPERTY, previousDirectory);
            restore(WeightsDirectory.OFFLINE_PROPERTY, previousOffline);
        }
    }

    @Test
    void eachBackboneFineTunesFromOneOfItsOwnLayers() {
        for (Backbone backbone : Backbone.values()) {
            try (Network base = backbone.base(new long[] {3, 32, 32}, "none", 0.25)) {
                assertTrue(base.layers().names().contains(backbone.fineTuneFrom()), backbone + ": " + base.layers().names());
            }
        }
    }

    private static void restore(String property, String previous) {
        if (previous == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, previous);
        }
    }
}
