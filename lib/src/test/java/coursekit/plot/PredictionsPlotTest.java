package coursekit.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coursekit.data.ImageSet;
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
    void aPredictionPerImageIsRequired() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plots.predictions(Fixtures.solidRgb(4, 32), new int[] {0, 1}, 4));
        assertTrue(e.getMessage().contains("one prediction per image (4)"), e.getMessage());
    }
}
