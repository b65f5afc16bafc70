package coursekit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coursekit.data.Datasets;
import coursekit.data.ImageSet;
import coursekit.data.SharedData;
import coursekit.weights.SharedWeights;
import coursekit.weights.WeightsDirectory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pretrained MobileNet with its ImageNet top on the lecture's photos, as Keras's decode_predictions shows it. */
class ImageNetPredictTest {

    /** ImageNet's five domestic cat classes: tabby, tiger cat, Persian, Siamese, Egyptian cat. */
    private static boolean isCat(ImageNet.Prediction p) {
        return p.index() >= 281 && p.index() <= 285;
    }

    /** ImageNet's dog breeds are classes 151 (Chihuahua) to 268 (Mexican hairless). */
    private static boolean isDog(ImageNet.Prediction p) {
        return p.index() >= 151 && p.index() <= 268;
    }

    @Test
    void mostCatPhotosHaveACatAndMostDogPhotosADogInTheirTopFive() {
        ImageSet test = Datasets.catsAndDogs(SharedData.catsAndDogs(), 224).test();
        int[] picks = {0, 1, 2, 3, 4, 5, 6, 7, 500, 501, 502, 503, 504, 505, 506, 507};
        try (Network net = MobileNet.builder().weightsDirectory(WeightsDirectory.at(SharedWeights.directory())).build()) {
            List<List<ImageNet.Prediction>> top = ImageNet.predict(net, test.subset(picks), 5);
            assertEquals(picks.length, top.size());
            int cats = 0;
            int dogs = 0;
            for (int i = 0; i < picks.length; i++) {
                List<ImageNet.Prediction> five = top.get(i);
                assertEquals(5, five.size());
                assertTrue(five.get(0).probability() >= five.get(4).probability());
                if (i < 8 && five.stream().anyMatch(ImageNetPredictTest::isCat)) {
                    cats++;
                }
                if (i >= 8 && five.stream().anyMatch(ImageNetPredictTest::isDog)) {
                    dogs++;
                }
            }
            System.out.println("Top-5 hits: " + cats + " of 8 cats, " + dogs + " of 8 dogs; first cat: " + top.get(0));
            assertTrue(cats >= 6, cats + " of 8 cat photos have a cat class in their top five: " + top.subList(0, 8));
            assertTrue(dogs >= 6, dogs + " of 8 dog photos have a dog class in their top five: " + top.subList(8, 16));
        }
    }

    @Test
    void photosOfAnotherSizeAreResizedToTheNetworksInput() {
        ImageSet small = Datasets.catsAndDogs(SharedData.catsAndDogs(), 150).test().subset(0, 1);
        ImageSet exact = Datasets.catsAndDogs(SharedData.catsAndDogs(), 224).test().subset(0, 1);
        try (Network net = MobileNet.builder().weightsDirectory(WeightsDirectory.at(SharedWeights.directory())).build()) {
            assertEquals(ImageNet.predict(net, exact, 3), ImageNet.predict(net, small, 3));
        }
    }

    @Test
    void aNetworkWithoutTheImageNetTopIsRefused() {
        try (Network base = MobileNet.builder().includeTop(false).inputShape(new long[] {3, 96, 96})
                .weightsDirectory(WeightsDirectory.at(SharedWeights.directory())).build()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ImageNet.predict(base, Datasets.catsAndDogs(SharedData.catsAndDogs(), 96).test().subset(0), 5));
            assertTrue(e.getMessage().contains("ImageNet's 1000-class top"), e.getMessage());
        }
    }
}
