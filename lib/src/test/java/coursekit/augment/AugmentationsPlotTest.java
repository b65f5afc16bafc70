package coursekit.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coursekit.data.ImageSet;
import coursekit.plot.Figure;
import coursekit.plot.Plots;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Plots.augmentations shows the original and its augmented versions. */
class AugmentationsPlotTest {

    private static final ImageSet IMAGES = Images.noise(3, 32, 32, 4);
    private static final Augmenter AUGMENTER = Augmenter.builder().rotationRange(40).horizontalFlip(true).seed(1).build();

    @Test
    void theGalleryHoldsTheOriginalThenNAugmentedVersions() {
        Figure figure = Plots.augmentations(IMAGES, 1, AUGMENTER, 5);

        assertEquals(List.of("original", "augmented 1", "augmented 2", "augmented 3", "augmented 4", "augmented 5"), figure.captions());
        assertEquals(2, figure.rows());
        assertEquals(3, figure.columns());
    }

    @Test
    void theGalleryRendersAsPng() {
        byte[] png = Plots.augmentations(IMAGES, 0, AUGMENTER, 3).toPng();

        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4));
    }

    @Test
    void aBadIndexOrCountIsRejected() {
        String index = assertThrows(IllegalArgumentException.class, () -> Plots.augmentations(IMAGES, 3, AUGMENTER, 4)).getMessage();
        String count = assertThrows(IllegalArgumentException.class, () -> Plots.augmentations(IMAGES, 0, AUGMENTER, 0)).getMessage();

        assertTrue(index.contains("Image index 3"), index);
        assertTrue(count.contains("n=0"), count);
    }
}
