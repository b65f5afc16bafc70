package coursekit.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coursekit.data.ImageSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fixed geometric transforms move pixels where Keras's formulas say. */
class GeometryTest {

    /** 4 rows of 8 columns, each column one value: 10, 20, ..., 80 (the "abcdefgh" of Keras's fill diagrams). */
    private static final ImageSet COLUMNS = Images.gray(4, 8, (n, r, c, ch) -> 10 * (c + 1));

    private static int[] row(ImageSet images, int row) {
        int[] values = new int[images.width()];
        for (int c = 0; c < values.length; c++) {
            values[c] = images.pixel(0, row, c, 0);
        }
        return values;
    }

    @Test
    void horizontalFlipMovesPixelRowColToRowWidthMinusOneMinusCol() {
        ImageSet image = Images.of(1, 5, 7, 3, (n, r, c, ch) -> r == 1 && c == 2 ? 200 - 50 * ch : 0);

        ImageSet flipped = Transforms.flipHorizontal(image);

        assertEquals(1, Images.brightPixels(flipped, 0, 1).size());
        assertEquals(200, flipped.pixel(0, 1, 4, 0));
        assertEquals(150, flipped.pixel(0, 1, 4, 1));
        assertEquals(100, flipped.pixel(0, 1, 4, 2));
    }

    @Test
    void verticalFlipMovesPixelRowColToHeightMinusOneMinusRowCol() {
        ImageSet flipped = Transforms.flipVertical(Images.dot(5, 7, 1, 2));

        assertEquals(255, flipped.pixel(0, 3, 2, 0));
        assertEquals(1, Images.brightPixels(flipped, 0, 1).size());
    }

    @Test
    void quarterTurnIsCounterClockwiseAndMapsCornerToCorner() {
        // Corners: top-left 10, top-right 20, bottom-right 30, bottom-left 40.
        ImageSet corners = Images.gray(6, 6, (n, r, c, ch) -> r == 0 && c == 0 ? 10 : r == 0 && c == 5 ? 20
                : r == 5 && c == 5 ? 30 : r == 5 && c == 0 ? 40 : 0);

        ImageSet turned = Transforms.rotate(corners, 90, FillMode.CONSTANT);

        // Counter-clockwise on screen: top-right goes to top-left, top-left to bottom-left, and so on.
        assertEquals(20, turned.pixel(0, 0, 0, 0));
        assertEquals(10, turned.pixel(0, 5, 0, 0));
        assertEquals(40, turned.pixel(0, 5, 5, 0));
        assertEquals(30, turned.pixel(0, 0, 5, 0));
    }

    @Test
    void quarterTurnOfASquareIsAnExactPermutation() {
        ImageSet image = Images.noise(1, 9, 9, 3);

        ImageSet turned = Transforms.rotate(image, 90, FillMode.CONSTANT);

        for (int r = 0; r < 9; r++) {
            for (int c = 0; c < 9; c++) {
                for (int ch = 0; ch < 3; ch++) {
                    assertEquals(image.pixel(0, c, 8 - r, ch), turned.pixel(0, r, c, ch), "pixel " + r + "," + c);
                }
            }
        }
    }

    @Test
    void negativeAngleTurnsClockwise() {
        ImageSet turned = Transforms.rotate(Images.dot(6, 6, 0, 0), -90, FillMode.CONSTANT);

        assertEquals(255, turned.pixel(0, 0, 5, 0));
    }

    @Test
    void shiftByAFractionOfTheWidthMovesABrightPixelByThatManyPixels() {
        // A quarter of 20 columns is 5 pixels; Keras samples at x + tx, so the content moves left.
        ImageSet shifted = Transforms.shift(Images.dot(20, 20, 10, 12), 0.25 * 20, 0, FillMode.CONSTANT);

        assertEquals(255, shifted.pixel(0, 10, 7, 0));
        assertEquals(1, Images.brightPixels(shifted, 0, 1).size());
    }

    @Test
    void shiftByAFractionOfTheHeightMovesContentVertically() {
        ImageSet shifted = Transforms.shift(Images.dot(20, 10, 10, 4), 0, -0.2 * 20, FillMode.CONSTANT);

        assertEquals(255, shifted.pixel(0, 14, 4, 0));
        assertEquals(1, Images.brightPixels(shifted, 0, 1).size());
    }

    @Test
    void constantFillUsesCval() {
        ImageSet right = Transforms.shift(COLUMNS, -3, 0, FillMode.CONSTANT, 255);
        ImageSet left = Transforms.shift(COLUMNS, 3, 0, FillMode.CONSTANT, 255);

        assertArrayEquals(new int[] {255, 255, 255, 10, 20, 30, 40, 50}, row(right, 2));
        assertArrayEquals(new int[] {40, 50, 60, 70, 80, 255, 255, 255}, row(left, 2));
    }

    @Test
    void nearestFillRepeatsTheEdgePixel() {
        ImageSet right = Transforms.shift(COLUMNS, -3, 0, FillMode.NEAREST);
        ImageSet left = Transforms.shift(COLUMNS, 3, 0, FillMode.NEAREST);

        assertArrayEquals(new int[] {10, 10, 10, 10, 20, 30, 40, 50}, row(right, 2));
        assertArrayEquals(new int[] {40, 50, 60, 70, 80, 80, 80, 80}, row(left, 2));
    }

    @Test
    void reflectFillMirrorsAtTheEdgeRepeatingTheEdgePixel() {
        ImageSet right = Transforms.shift(COLUMNS, -3, 0, FillMode.REFLECT);
        ImageSet left = Transforms.shift(COLUMNS, 3, 0, FillMode.REFLECT);

        // Keras: abcddcba|abcd|dcbaabcd
        assertArrayEquals(new int[] {30, 20, 10, 10, 20, 30, 40, 50}, row(right, 2));
        assertArrayEquals(new int[] {40, 50, 60, 70, 80, 80, 70, 60}, row(left, 2));
    }

    @Test
    void wrapFillRepeatsTheImage() {
        ImageSet right = Transforms.shift(COLUMNS, -3, 0, FillMode.WRAP);
        ImageSet left = Transforms.shift(COLUMNS, 3, 0, FillMode.WRAP);

        // Keras: abcdabcd|abcd|abcdabcd
        assertArrayEquals(new int[] {60, 70, 80, 10, 20, 30, 40, 50}, row(right, 2));
        assertArrayEquals(new int[] {40, 50, 60, 70, 80, 10, 20, 30}, row(left, 2));
    }

    @Test
    void fillModesWorkVerticallyToo() {
        ImageSet rows = Images.gray(8, 3, (n, r, c, ch) -> 10 * (r + 1));

        ImageSet down = Transforms.shift(rows, 0, -2, FillMode.REFLECT);

        assertEquals(20, down.pixel(0, 0, 1, 0));
        assertEquals(10, down.pixel(0, 1, 1, 0));
        assertEquals(10, down.pixel(0, 2, 1, 0));
        assertEquals(60, down.pixel(0, 7, 1, 0));
    }

    @Test
    void zoomFactorOneHalfMakesACentredSquareTwiceAsLarge() {
        // A 4x4 square in the middle of 16x16 (rows and columns 6..9).
        ImageSet square = Images.gray(16, 16, (n, r, c, ch) -> r >= 6 && r <= 9 && c >= 6 && c <= 9 ? 255 : 0);

        ImageSet zoomed = Transforms.zoom(square, 0.5, 0.5, FillMode.CONSTANT);

        List<int[]> bright = Images.brightPixels(zoomed, 0, 128);
        assertEquals(64, bright.size());
        for (int[] p : bright) {
            assertTrue(p[0] >= 4 && p[0] <= 11 && p[1] >= 4 && p[1] <= 11, p[0] + "," + p[1]);
        }
    }

    @Test
    void zoomFactorTwoHalvesTheSizeAndFillsTheBorder() {
        ImageSet square = Images.gray(16, 16, (n, r, c, ch) -> r >= 4 && r <= 11 && c >= 4 && c <= 11 ? 255 : 0);

        ImageSet zoomed = Transforms.zoom(square, 2, 2, FillMode.CONSTANT);

        List<int[]> bright = Images.brightPixels(zoomed, 0, 128);
        assertTrue(bright.size() >= 16 && bright.size() <= 25, "bright pixels: " + bright.size());
        assertEquals(0, zoomed.pixel(0, 0, 0, 0));
        double[] centre = Images.centroid(zoomed, 0);
        assertEquals(7.5, centre[0], 1e-9);
        assertEquals(7.5, centre[1], 1e-9);
    }

    @Test
    void shearMovesAPointWhereTheShearFormulaSays() {
        // With cos(shear) = 0.6 and sin(shear) = 0.8, output (x, y) samples (x - 0.8 y, 0.6 y) about the centre,
        // so the input point 3 rows below the centre appears 5 rows below it and 4 columns to the right.
        double shear = Math.toDegrees(Math.acos(0.6));
        ImageSet image = Images.dot(21, 21, 10 + 3, 10);

        ImageSet sheared = Transforms.shear(image, shear, FillMode.CONSTANT);

        assertEquals(255, sheared.pixel(0, 10 + 5, 10 + 4, 0));
        double[] centre = Images.centroid(sheared, 0);
        assertEquals(15, centre[0], 0.5);
        assertEquals(14, centre[1], 0.5);
    }

    @Test
    void shearLeavesTheCentreRowInPlace() {
        ImageSet image = Images.gray(9, 9, (n, r, c, ch) -> r == 4 ? 20 * c + 10 : 0);

        ImageSet sheared = Transforms.shear(image, 30, FillMode.CONSTANT);

        for (int c = 0; c < 9; c++) {
            assertEquals(20 * c + 10, sheared.pixel(0, 4, c, 0));
        }
    }

    @Test
    void bilinearSamplingOfAHalfPixelShiftAveragesNeighbours() {
        ImageSet shifted = Transforms.shift(COLUMNS, 0.5, 0, FillMode.NEAREST);

        assertArrayEquals(new int[] {15, 25, 35, 45, 55, 65, 75, 80}, row(shifted, 0));
    }

    @Test
    void nearestInterpolationOnlyCopiesExistingValues() {
        ImageSet image = Images.noise(1, 12, 12, 5);

        ImageSet turned = AffineTransform.identity().theta(33).apply(image, FillMode.NEAREST, 0, 0);

        java.util.Set<Integer> values = new java.util.HashSet<>();
        for (int r = 0; r < 12; r++) {
            for (int c = 0; c < 12; c++) {
                values.add(image.pixel(0, r, c, 0));
            }
        }
        for (int r = 0; r < 12; r++) {
            for (int c = 0; c < 12; c++) {
                assertTrue(values.contains(turned.pixel(0, r, c, 0)), "pixel " + r + "," + c);
            }
        }
    }

    @Test
    void flipsComeAfterTheOtherTransforms() {
        // Shift left by 2, then mirror: the dot at column 5 of 10 goes to 3, then to 10 - 1 - 3 = 6.
        ImageSet moved = AffineTransform.identity().tx(2).flipHorizontal(true).apply(Images.dot(3, 10, 1, 5), FillMode.CONSTANT);

        assertEquals(255, moved.pixel(0, 1, 6, 0));
    }

    @Test
    void identityLeavesImagesUnchanged() {
        ImageSet image = Images.noise(2, 7, 5, 9);

        assertTrue(Images.samePixels(image, AffineTransform.identity().apply(image, FillMode.REFLECT)));
    }

    @Test
    void cropResizeStretchesTheBoxOverTheWholeImage() {
        // Top-left quadrant 40, the rest 200.
        ImageSet quadrants = Images.gray(16, 16, (n, r, c, ch) -> r < 8 && c < 8 ? 40 : 200);

        ImageSet cropped = Transforms.cropResize(quadrants, 0, 0, 8, 8);

        // The box is resampled from the whole image, so only the last row and column reach past its edge.
        for (int r = 0; r < 15; r++) {
            for (int c = 0; c < 15; c++) {
                assertEquals(40, cropped.pixel(0, r, c, 0), "pixel " + r + "," + c);
            }
        }
    }
}
