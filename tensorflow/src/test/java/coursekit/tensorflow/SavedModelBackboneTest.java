package coursekit.tensorflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coursekit.data.ImageSet;
import coursekit.model.Models;
import coursekit.model.Network;
import coursekit.train.FeatureSet;
import coursekit.train.Fit;
import coursekit.train.FitConfig;
import coursekit.train.History;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavedModelBackboneTest {

    @TempDir
    Path dir;

    @Test
    void aUniformImageGivesTheFeatureWorkedOutByHand() {
        // Every pixel is (10, 20, 30): filter 0 adds the red value over its 3x3 window, 9 * 10 = 90 at every
        // position, so the average is 90; filter 1 does the same for blue, 9 * 30 = 270.
        byte[] pixels = new byte[TinySavedModel.SIZE * TinySavedModel.SIZE * 3];
        for (int p = 0; p < pixels.length; p += 3) {
            pixels[p] = 10;
            pixels[p + 1] = 20;
            pixels[p + 2] = 30;
        }
        ImageSet uniform = ImageSet.of(pixels, new int[] {0}, TinySavedModel.SIZE, TinySavedModel.SIZE, 3, List.of("only"));
        try (SavedModelBackbone base = SavedModels.featureExtractor(TinySavedModel.export(dir.resolve("tiny"), false))) {
            FeatureSet features = base.extract(uniform);
            assertArrayEquals(new long[] {TinySavedModel.FILTERS}, features.featureShape());
            assertEquals(90f, features.features(0)[0], 1e-3);
            assertEquals(270f, features.features(0)[1], 1e-3);
        }
    }

    @Test
    void featuresMatchADirectConvolutionForEveryImageAndFilter() {
        ImageSet images = TinySavedModel.redAndBlue(37, 3); // 37: the last batch of 32 is partial
        try (SavedModelBackbone base = SavedModels.builder(TinySavedModel.export(dir.resolve("tiny"), false))
                .scaling(InputScaling.TF).build()) {
            FeatureSet features = base.extract(images);
            assertEquals(37, features.size());
            for (int n = 0; n < images.size(); n++) {
                float[] image = TinySavedModel.scaled(images, n, InputScaling.TF);
                float[] found = features.features(n);
                for (int f = 0; f < TinySavedModel.FILTERS; f++) {
                    assertEquals(TinySavedModel.feature(image, f), found[f], 1e-4, "image " + n + ", filter " + f);
                }
                assertEquals(images.label(n), features.label(n));
            }
        }
    }

    @Test
    void aModelWithAFixedBatchSizeGetsPaddedBatches() {
        ImageSet images = TinySavedModel.redAndBlue(6, 9);
        try (SavedModelBackbone base = SavedModels.builder(TinySavedModel.export(dir.resolve("tiny"), false, 4))
                .scaling(InputScaling.UNIT).batchSize(32).build()) {
            FeatureSet features = base.extract(images);
            assertEquals(6, features.size());
            float[] last = TinySavedModel.scaled(images, 5, InputScaling.UNIT);
            for (int f = 0; f < TinySavedModel.FILTERS; f++) {
                assertEquals(TinySavedModel.feature(last, f), features.features(5)[f], 1e-4, "filter " + f);
            }
        }
    }

    @Test
    void aFeatureMapComesBackChannelsFirst() {
        ImageSet images = TinySavedModel.redAndBlue(2, 5);
        try (SavedModelBackbone base = SavedModels.builder(TinySavedModel.export(dir.resolve("tiny"), true))
                .output("feature_map").scaling(InputScaling.UNIT).build()) {
            FeatureSet features = base.extract(images);
            int map = TinySavedModel.MAP;
            assertArrayEquals(new long[] {TinySavedModel.FILTERS, map, map}, features.featureShape());
            float[] image = TinySavedModel.scaled(images, 1, InputScaling.UNIT);
            float[] found = features.features(1);
            for (int f = 0; f < TinySavedModel.FILTERS; f++) {
                assertEquals(TinySavedModel.mapValue(image, f, 4, 1), found[(f * map + 4) * map + 1], 1e-4, "filter " + f);
            }
        }
    }

    @Test
    void aHeadTrainsOnPyTorchFromTheTensorFlowFeatures() {
        ImageSet images = TinySavedModel.redAndBlue(100, 11);
        var split = images.split(0.6, 0.4, 0, 11);
        FeatureSet train;
        FeatureSet validation;
        try (SavedModelBackbone base = SavedModels.builder(TinySavedModel.export(dir.resolve("tiny"), false))
                .scaling(InputScaling.UNIT).build()) {
            train = base.extract(split.train());
            validation = base.extract(split.validation());
        }
        Network head = Models.classifier(train.featureShape()).dense(8).outputs(1).name("head").build();
        assertEquals("PyTorch", head.manager().getEngine().getEngineName());
        History history = Fit.fit(head, train, validation, FitConfig.epochs(30).batchSize(8).seed(11).quiet());
        assertTrue(history.last(History.VAL_ACCURACY) >= 0.9, "validation accuracy " + history.last(History.VAL_ACCURACY));
    }

    @Test
    void imagesOfAnotherSizeAreRefusedWithTheSizeTheModelWants() {
        ImageSet small = TinySavedModel.redAndBlue(2, 1).resize(6, 6);
        try (SavedModelBackbone base = SavedModels.featureExtractor(TinySavedModel.export(dir.resolve("tiny"), false))) {
            SavedModelException e = assertThrows(SavedModelException.class, () -> base.extract(small));
            assertTrue(e.getMessage().contains("(None, 8, 8, 3)") && e.getMessage().contains("6x6x3")
                    && e.getMessage().contains("resize(8, 8)"), e.getMessage());
        }
    }
}
