package coursekit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coursekit.data.ImageSet;
import coursekit.engine.Seeds;
import coursekit.model.Models;
import coursekit.model.Network;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GradientNormsTest {

    private static final ImageSet IMAGES = SyntheticImages.darkAndBright(16, 64, 3, 5);

    @Test
    void everyTrainableLayerGetsAFiniteNormAndNothingIsUpdated() {
        Seeds.set(3);
        try (Network net = Models.lectureCnn(IMAGES.imageShape(), 1)) {
            Map<String, Double> first = GradientNorms.of(net, IMAGES, 8);
            assertEquals(List.of("conv2d", "conv2d_1", "conv2d_2", "conv2d_3", "dense", "dense_1"), List.copyOf(first.keySet()));
            first.values().forEach(norm -> assertTrue(norm > 0 && Double.isFinite(norm), first.toString()));
            // The gradients were cleared and the weights left alone: the same batch gives the same norms.
            Map<String, Double> second = GradientNorms.of(net, IMAGES, 8);
            first.forEach((layer, norm) -> assertEquals(norm, second.get(layer), norm * 1e-5, layer));
        }
    }

    @Test
    void batchNormalisationLayersAreTrainableToo() {
        Seeds.set(3);
        try (Network net = Models.lectureCnnWithBatchNorm(IMAGES.imageShape(), 1)) {
            Map<String, Double> norms = GradientNorms.of(net, IMAGES, 8);
            assertTrue(norms.containsKey("batch_normalization") && norms.containsKey("batch_normalization_3"), norms.toString());
            assertEquals(10, norms.size(), norms.toString()); // four convolutions, four normalisations, two dense layers
        }
    }

    @Test
    void networksCompareLayerByLayer() {
        Seeds.set(3);
        try (Network plain = Models.lectureCnn(IMAGES.imageShape(), 1);
                Network normalised = Models.lectureCnnWithBatchNorm(IMAGES.imageShape(), 1)) {
            var table = GradientNorms.compare(new java.util.LinkedHashMap<>(Map.of("plain", plain)), IMAGES, 4);
            assertEquals(6, table.rowCount());
            var both = GradientNorms.compare(new java.util.TreeMap<>(Map.of("plain", plain, "bn", normalised)), IMAGES, 4);
            assertEquals(10, both.rowCount());
            assertTrue(both.doubleColumn("plain").isMissing().size() == 4, both.print());
            // The statistics of a fresh batch normalisation: gamma 1, beta 0, moving mean 0, variance 1.
            var stats = ((coursekit.model.BatchNormalization) normalised.layer("batch_normalization")).statistics();
            assertEquals(32, stats.rowCount());
            assertEquals(1.0, stats.doubleColumn("gamma").get(0));
            assertEquals(1.0, stats.doubleColumn("moving_variance").get(31));
        }
    }

    @Test
    void refusesAnEmptyBatch() {
        try (Network net = Models.lectureCnn(IMAGES.imageShape(), 1)) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> GradientNorms.of(net, IMAGES, 0));
            assertTrue(error.getMessage().contains("count=0"), error.getMessage());
        }
    }
}
