package coursekit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import coursekit.augment.Augmenter;
import coursekit.data.Batches;
import coursekit.data.ImageSet;
import coursekit.data.Split;
import coursekit.engine.Seeds;
import coursekit.model.Head;
import coursekit.model.Layers;
import coursekit.model.Models;
import coursekit.model.Network;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A frozen base with a new head: as a classifier, on cached features, and with per-layer learning rates. */
class TransferTrainingTest {

    private static final Split DATA = SyntheticImages.darkAndBright(64, 16, 3, 3).split(0.5, 0.25, 0.25, 2);

    /** A tiny convolutional "base" without a head, like a pretrained network's convolutional part. */
    private static Network base() {
        Seeds.set(8);
        Layers layers = new Layers()
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(4).build())
                .addNumbered("re_lu", Activation.reluBlock());
        return Network.create("tiny_base", layers, new long[] {3, 16, 16}, Head.SOFTMAX, 0);
    }

    @Test
    void aClassifierOnAFrozenBaseTrainsOnlyItsHead() {
        try (Network base = base()) {
            base.freezeAll();
            Network model = Models.classifier(base).pooling("avg").dense(8).outputs(1).build();
            Parameter conv = base.parameters().values().iterator().next();
            float[] before = conv.getArray().toFloatArray();
            History history = Fit.fit(model, DATA, FitConfig.epochs(20).batchSize(8).optimizer(Optimizers.adam(5e-2)).quiet());
            assertArrayEquals(before, conv.getArray().toFloatArray(), 0f);
            assertTrue(history.last("val_accuracy") >= 0.9, history.toString());
            assertEquals(model.parameterCount() - base.parameterCount(), model.trainableParameterCount());
            assertTrue(model.layers().names().containsAll(base.layers().names()));
        }
    }

    @Test
    void unfrozenBaseLayersTrainWithTheClassifier() {
        try (Network base = base()) {
            Network model = Models.classifier(base).pooling("flatten").outputs(1).build();
            Parameter conv = base.parameters().values().iterator().next();
            float[] before = conv.getArray().toFloatArray();
            Fit.fit(model, DATA, FitConfig.epochs(1).optimizer(Optimizers.adam(1e-2)).quiet());
            assertFalse(java.util.Arrays.equals(before, conv.getArray().toFloatArray()));
        }
    }

    @Test
    void extractedFeaturesAreTheBasesOutputs() {
        try (Network base = base()) {
            FeatureSet features = Features.extract(base, DATA.train());
            assertArrayEquals(new long[] {4, 14, 14}, features.featureShape());
            assertEquals(DATA.train().size(), features.size());
            float[] direct = base.logits(Batches.images(base.manager(), DATA.train(), new int[] {5}), false).toFloatArray();
            assertArrayEquals(direct, features.features(5), 1e-6f);
            assertEquals(DATA.train().label(5), features.label(5));
        }
    }

    @Test
    void featuresOfMoreImagesThanABatchStayInTheImagesOrder() {
        ImageSet images = SyntheticImages.darkAndBright(2 * Batches.INFERENCE + 3, 16, 3, 5);
        try (Network base = base()) {
            FeatureSet features = Features.extract(base, images);
            assertEquals(images.size(), features.size());
            for (int i : new int[] {0, Batches.INFERENCE, images.size() - 1}) {
                float[] direct = base.logits(Batches.images(base.manager(), images, new int[] {i}), false).toFloatArray();
                assertArrayEquals(direct, features.features(i), 1e-6f, "image " + i);
            }
        }
    }

    @Test
    void featuresFromAnEarlierLayerStopThereAndAreCachedApart(@TempDir Path cache) throws Exception {
        try (Network base = base()) {
            String first = base.layers().names().get(0);
            FeatureSet convolution = Features.extract(base, DATA.train(), first);
            assertArrayEquals(new long[] {4, 14, 14}, convolution.featureShape());
            float[] rectified = Features.extract(base, DATA.train()).features(5);
            float[] raw = convolution.features(5);
            boolean negative = false;
            for (int i = 0; i < raw.length; i++) {
                assertEquals(Math.max(0f, raw[i]), rectified[i], 1e-6f, "the ReLU after the layer did not run");
                negative |= raw[i] < 0;
            }
            assertTrue(negative, "a convolution's own output has negative values");
            Features.extract(base, DATA.train(), first, cache);
            Features.extract(base, DATA.train(), cache);
            try (var listing = Files.list(cache)) {
                assertEquals(2, listing.count(), "one cache file per layer");
            }
            IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                    () -> Features.extract(base, DATA.train(), "conv_pw_11_relu"));
            assertTrue(unknown.getMessage().startsWith("No layer is named 'conv_pw_11_relu'; the layers are ["), unknown.getMessage());
        }
    }

    @Test
    void theFeatureCacheIsReusedUntilTheWeightsChange(@TempDir Path cache) throws Exception {
        try (Network base = base()) {
            FeatureSet first = Features.extract(base, DATA.train(), cache);
            Path file;
            try (var listing = Files.list(cache)) {
                file = listing.findFirst().orElseThrow();
            }
            long written = Files.getLastModifiedTime(file).toMillis();
            FeatureSet again = Features.extract(base, DATA.train(), cache);
            assertEquals(written, Files.getLastModifiedTime(file).toMillis());
            assertArrayEquals(first.features(3), again.features(3), 0f);

            base.parameters().values().iterator().next().getArray().addi(1f);
            Features.extract(base, DATA.train(), cache);
            try (var listing = Files.list(cache)) {
                assertEquals(2, listing.count());
            }
        }
    }

    @Test
    void aHeadTrainsOnFeatures() {
        try (Network base = base()) {
            FeatureSet train = Features.extract(base, DATA.train());
            FeatureSet validation = Features.extract(base, DATA.validation());
            Network head = Models.classifier(train.featureShape()).pooling("avg").outputs(1).build();
            History history = Fit.fit(head, train, validation, FitConfig.epochs(20).batchSize(8).optimizer(Optimizers.adam(5e-2)).quiet());
            assertTrue(history.last("val_accuracy") >= 0.9, history.toString());
            assertEquals(validation.size(), Fit.evaluate(head, validation).images());
        }
    }

    @Test
    void featuresCannotBeAugmented() {
        try (Network base = base()) {
            FeatureSet train = Features.extract(base, DATA.train());
            Network head = Models.classifier(train.featureShape()).pooling("avg").outputs(1).build();
            FitConfig config = FitConfig.epochs(1).augment(Augmenter.builder().horizontalFlip(true).seed(1).build()).quiet();
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Fit.fit(head, train, null, config));
            assertTrue(error.getMessage().contains("Augmentation needs images"), error.getMessage());
        }
    }

    @Test
    void learningRateFactorsApplyFromTheirLayerOn() {
        try (Network base = base()) {
            Network model = Models.classifier(base).pooling("avg").dense(4).outputs(1).build();
            Map<String, Parameter> parameters = model.parameters();
            Map<String, Float> rates = LearningRates.perParameter(model, parameters.keySet(), 0.01,
                    FitConfig.epochs(1).learningRateFactor("conv2d", 0.1).learningRateFactor("dense", 1.0).rateFactors());
            for (Map.Entry<String, Float> entry : rates.entrySet()) {
                float expected = entry.getKey().contains("conv2d") ? 0.001f : 0.01f;
                assertEquals(expected, entry.getValue(), 1e-9f, entry.getKey());
            }
        }
    }

    @Test
    void anUnknownLayerInALearningRateFactorListsTheLayers() {
        try (Network base = base()) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> Fit.fit(base.layers().names().isEmpty() ? null : Models.classifier(base).pooling("avg").outputs(1).build(), DATA,
                            FitConfig.epochs(1).learningRateFactor("block9_conv1", 0.1).quiet()));
            assertTrue(error.getMessage().contains("block9_conv1") && error.getMessage().contains("conv2d"), error.getMessage());
        }
    }

    @Test
    void classifierSettingsAreChecked() {
        try (Network base = base()) {
            assertThrows(IllegalArgumentException.class, () -> Models.classifier(base).outputs(0).build());
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> Models.classifier(base).pooling("median").outputs(1).build());
            assertTrue(error.getMessage().contains("Received: pooling=median"), error.getMessage());
        }
    }
}
