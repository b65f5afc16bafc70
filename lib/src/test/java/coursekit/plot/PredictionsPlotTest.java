package coursekit.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coursekit.augment.Augmenter;
import coursekit.data.Datasets;
import coursekit.data.ImageSet;
import coursekit.data.SharedData;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class PredictionsPlotTest {

    private static final int RED = 0xD62728;

    @Test
    void rightPredictionsShowTheClassAndMistakesTheTrueOneToo() {
        ImageSet images = Fixtures.solidRgb(4, 32);
        Figure figure = Plots.predictions(images, new int[] {0, 0, 2, 1}, 4);
        assertEquals(List.of("cat", "cat (true: dog)", "horse", "dog (true: cat)"), figure.captions());
        assertTrue(figure.title().contains("2 mistakes"), figure.title());
    }

    @Test
    void mistakesAreFramedInRedAndRightOnesAreNot() {
        Figure figure = Plots.predictions(Fixtures.solidRgb(4, 32), new int[] {0, 0, 2, 1}, 4);
        BufferedImage image = figure.toImage();
        for (int i = 0; i < 4; i++) {
            Rectangle cell = figure.imageBounds(i);
            int edge = image.getRGB(cell.x + 1, cell.y + cell.height / 2) & 0xffffff;
            boolean mistake = i == 1 || i == 3;
            assertEquals(mistake, edge == RED, "image " + i + " edge " + Integer.toHexString(edge));
        }
    }

    @Test
    void onlyTheFirstCountImagesAreShown() {
        Figure figure = Plots.predictions(Fixtures.solidRgb(6, 32), new int[] {0, 1, 2, 0, 0, 0}, 3);
        assertEquals(List.of("cat", "dog", "horse"), figure.captions());
        assertTrue(figure.title().contains("0 mistakes"), figure.title());
    }

    @Test
    void aRealPhotoAndItsAugmentedVersionsAreDrawnFromTheFile() {
        ImageSet photos = Datasets.catsAndDogs(SharedData.catsAndDogs(), 150).train();
        Figure figure = Plots.augmentations(photos, 0, Augmenter.lecture(42), 3);
        assertEquals(List.of("original", "augmented 1", "augmented 2", "augmented 3"), figure.captions());
        BufferedImage image = figure.toImage();
        Rectangle original = figure.imageBounds(0);
        assertEquals(150, original.width, "150-pixel photos are drawn at their own size");
        for (int[] p : new int[][] {{10, 20}, {75, 75}, {140, 100}}) {
            int rgb = image.getRGB(original.x + p[1], original.y + p[0]) & 0xffffff;
            int expected = photos.pixel(0, p[0], p[1], 0) << 16 | photos.pixel(0, p[0], p[1], 1) << 8 | photos.pixel(0, p[0], p[1], 2);
            assertEquals(expected, rgb);
        }
    }

    @Test
    void aPredictionPerImageIsRequired() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plots.predictions(Fixtures.solidRgb(4, 32), new int[] {0, 1}, 4));
        assertTrue(e.getMessage().contains("one prediction per image (4)"), e.getMessage());
    }
}
