package coursekit.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coursekit.data.ImageSet;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImagesPlotTest {

    private static int centre(BufferedImage image, Rectangle cell) {
        return image.getRGB(cell.x + cell.width / 2, cell.y + cell.height / 2) & 0xffffff;
    }

    @Test
    void tenImagesLayOutAsThreeRowsOfFour() {
        Figure figure = Plots.images(Fixtures.solidRgb(12, 32), 10);

        assertEquals(3, figure.rows());
        assertEquals(4, figure.columns());
    }

    @Test
    void figureSizeCoversEveryCell() {
        Figure figure = Plots.images(Fixtures.solidRgb(10, 32), 10);
        Rectangle last = figure.imageBounds(9);
        Rectangle firstOfRowThree = figure.imageBounds(8);

        assertEquals(figure.imageBounds(0).y, figure.imageBounds(3).y);
        assertTrue(firstOfRowThree.y > figure.imageBounds(4).y);
        assertTrue(last.x + last.width < figure.width() && last.y + last.height < figure.height());
    }

    @Test
    void aSetSortedByClassShowsEveryClassInTurn() {
        assertArrayEquals(new int[] {0, 3, 1, 4, 2}, Plots.eachClassInTurn(new int[] {0, 0, 0, 1, 1}, 2, 5));
        assertArrayEquals(new int[] {0, 3, 1, 2}, Plots.eachClassInTurn(new int[] {0, 0, 0, 1}, 2, 4));
        assertArrayEquals(new int[] {2, 0, 1}, Plots.eachClassInTurn(new int[] {1, 2, 0}, 3, 3));
    }

    @Test
    void captionsAreTheClassNamesInGridOrder() {
        Figure figure = Plots.images(Fixtures.solidRgb(5, 32), 5);

        assertEquals(List.of("cat", "dog", "horse", "cat", "dog"), figure.captions());
    }

    @Test
    void indicesChooseTheImagesAndTheirOrder() {
        Figure figure = Plots.images(Fixtures.solidRgb(6, 32), 4, 0, 2);

        assertEquals(List.of("dog", "cat", "horse"), figure.captions());
    }

    @Test
    void smallImagesAreEnlargedToAtLeast96Pixels() {
        Rectangle digit = Plots.images(Fixtures.solidGray(4, 28), 4).imageBounds(0);
        Rectangle cifar = Plots.images(Fixtures.solidRgb(4, 32), 4).imageBounds(0);

        assertEquals(112, digit.width);
        assertEquals(96, cifar.width);
    }

    @Test
    void rgbCellCentreHasTheSourceColour() {
        Figure figure = Plots.images(Fixtures.solidRgb(10, 32), 10);
        BufferedImage image = figure.toImage();

        for (int i = 0; i < 10; i++) {
            assertEquals(Fixtures.rgb(i), centre(image, figure.imageBounds(i)), "image " + i);
        }
    }

    @Test
    void grayCellCentreHasTheSourceLevelInEveryChannel() {
        Figure figure = Plots.images(Fixtures.solidGray(3, 28), 3);
        BufferedImage image = figure.toImage();

        int level = 20 + 7 * 2;
        assertEquals(level << 16 | level << 8 | level, centre(image, figure.imageBounds(2)));
    }

    @Test
    void imageGridHasNoCharts() {
        assertTrue(Plots.images(Fixtures.solidRgb(2, 32), 2).charts().isEmpty());
    }

    @Test
    void countAboveTheSetSizeShowsTheWholeSet() {
        assertEquals(3, Plots.images(Fixtures.solidRgb(3, 32), 16).captions().size());
    }

    @Test
    void moreThanTheMaximumIsRejectedWithTheLimit() {
        ImageSet many = Fixtures.solidGray(70, 28);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Plots.images(many, 65));
        assertTrue(e.getMessage().contains("at most 64") && e.getMessage().contains("65"), e.getMessage());
    }

    @Test
    void moreThanTheMaximumIndicesIsRejected() {
        ImageSet many = Fixtures.solidGray(70, 28);
        int[] indices = new int[70];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = i;
        }

        assertThrows(IllegalArgumentException.class, () -> Plots.images(many, indices));
    }

    @Test
    void indexOutsideTheSetIsRejectedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plots.images(Fixtures.solidRgb(3, 32), 0, 7));
        assertTrue(e.getMessage().contains("7") && e.getMessage().contains("0..2"), e.getMessage());
    }
}
