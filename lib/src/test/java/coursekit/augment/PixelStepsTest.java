package coursekit.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coursekit.data.ImageSet;
import org.junit.jupiter.api.Test;

/** Contrast, brightness, noise and down-sampling change pixels as specified and keep the shape. */
class PixelStepsTest {

    /** Alternate columns 90 and 110: mean 100 in every channel. */
    private static final ImageSet STRIPES = Images.of(1, 6, 6, 3, (n, r, c, ch) -> c % 2 == 0 ? 90 : 110);

    private static void assertSameShape(ImageSet expected, ImageSet actual) {
        assertEquals(expected.size(), actual.size());
        assertEquals(expected.height(), actual.height());
        assertEquals(expected.width(), actual.width());
        assertEquals(expected.channels(), actual.channels());
    }

    @Test
    void contrastScalesTheDistanceFromTheChannelMean() {
        ImageSet stronger = Transforms.contrast(STRIPES, 2);

        assertSameShape(STRIPES, stronger);
        assertEquals(80, stronger.pixel(0, 3, 0, 1));
        assertEquals(120, stronger.pixel(0, 3, 1, 2));
    }

    @Test
    void contrastZeroLeavesOnlyTheMean() {
        ImageSet flat = Transforms.contrast(STRIPES, 0);

        assertEquals(100, flat.pixel(0, 0, 0, 0));
        assertEquals(100, flat.pixel(0, 5, 5, 2));
    }

    @Test
    void contrastClipsAt0And255() {
        ImageSet extremes = Images.gray(2, 2, (n, r, c, ch) -> c == 0 ? 20 : 230);

        ImageSet stronger = Transforms.contrast(extremes, 3);

        assertEquals(0, stronger.pixel(0, 0, 0, 0));
        assertEquals(255, stronger.pixel(0, 0, 1, 0));
    }

    @Test
    void brightnessMultipliesEachChannelByItsFactorAndClips() {
        ImageSet grey = Images.of(1, 4, 4, 3, (n, r, c, ch) -> 100);

        ImageSet tinted = Transforms.brightness(grey, 2, 1, 0.5);
        ImageSet bright = Transforms.brightness(grey, 3);

        assertSameShape(grey, tinted);
        assertEquals(200, tinted.pixel(0, 2, 2, 0));
        assertEquals(100, tinted.pixel(0, 2, 2, 1));
        assertEquals(50, tinted.pixel(0, 2, 2, 2));
        assertEquals(255, bright.pixel(0, 1, 1, 1));
    }

    @Test
    void brightnessNeedsOneFactorOrOnePerChannel() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Transforms.brightness(STRIPES, 1, 2));

        assertTrue(error.getMessage().contains("one per channel (3)"), error.getMessage());
    }

    @Test
    void noiseHasTheRequestedSpreadAndIsReproducible() {
        ImageSet grey = Images.gray(64, 64, (n, r, c, ch) -> 128);

        ImageSet noisy = Transforms.noise(grey, 10, 7);

        assertSameShape(grey, noisy);
        double sum = 0;
        double squares = 0;
        for (int r = 0; r < 64; r++) {
            for (int c = 0; c < 64; c++) {
                double d = noisy.pixel(0, r, c, 0) - 128;
                sum += d;
                squares += d * d;
            }
        }
        double mean = sum / 4096;
        double std = Math.sqrt(squares / 4096 - mean * mean);
        assertEquals(0, mean, 0.6);
        assertEquals(10, std, 0.6);
        assertTrue(Images.samePixels(noisy, Transforms.noise(grey, 10, 7)));
        assertFalse(Images.samePixels(noisy, Transforms.noise(grey, 10, 8)));
    }

    @Test
    void downsamplingAFineCheckerboardAveragesItToGrey() {
        ImageSet checkerboard = Images.gray(32, 32, (n, r, c, ch) -> (r + c) % 2 == 0 ? 0 : 255);

        ImageSet blurred = Transforms.downsample(checkerboard, 0.25);

        assertSameShape(checkerboard, blurred);
        for (int r = 0; r < 32; r++) {
            for (int c = 0; c < 32; c++) {
                int v = blurred.pixel(0, r, c, 0);
                assertTrue(v == 127 || v == 128, "pixel " + r + "," + c + " is " + v);
            }
        }
    }

    @Test
    void downsamplingKeepsCoarseBlocks() {
        // 8x8 blocks survive shrinking by 4 (to 2x2 blocks) except for the blur at their edges.
        ImageSet blocks = Images.gray(32, 32, (n, r, c, ch) -> ((r / 8) + (c / 8)) % 2 == 0 ? 40 : 200);

        ImageSet blurred = Transforms.downsample(blocks, 0.25);

        assertEquals(40, blurred.pixel(0, 3, 3, 0), 2);
        assertEquals(200, blurred.pixel(0, 3, 11, 0), 2);
    }

    @Test
    void downsampleFactorOneChangesNothing() {
        ImageSet image = Images.noise(1, 10, 10, 1);

        assertTrue(Images.samePixels(image, Transforms.downsample(image, 1)));
    }

    @Test
    void pixelStepsKeepTheLabels() {
        ImageSet images = Images.noise(5, 8, 8, 2);

        assertEquals(java.util.Arrays.toString(images.labels()), java.util.Arrays.toString(Transforms.contrast(images, 1.5).labels()));
        assertEquals(images.classNames(), Transforms.noise(images, 3, 1).classNames());
    }
}
