package coursekit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImageSetRemapTest {

    /** Four 2x2 grey images; every pixel of image i holds 10*i + its position, labels 0, 1, 2, 1. */
    private static ImageSet four() {
        byte[] pixels = new byte[16];
        for (int i = 0; i < 4; i++) {
            for (int p = 0; p < 4; p++) {
                pixels[i * 4 + p] = (byte) (10 * i + p);
            }
        }
        return ImageSet.of(pixels, new int[] {0, 1, 2, 1}, 2, 2, 1, List.of("a", "b", "c"));
    }

    @Test
    void remapKeepsMappedClassesWithNewLabelsAndNames() {
        ImageSet r = four().remap(new int[] {-1, 0, 1}, List.of("b", "c"));
        assertArrayEquals(new int[] {0, 1, 0}, r.labels());
        assertEquals(List.of("b", "c"), r.classNames());
        assertEquals(10, r.pixel(0, 0, 0, 0));
        assertEquals(33, r.pixel(2, 1, 1, 0));
    }

    @Test
    void remapNeedsOneEntryPerClass() {
        var e = assertThrows(IllegalArgumentException.class, () -> four().remap(new int[] {0, 1}, List.of("x", "y")));
        assertTrue(e.getMessage().contains("(3)"), e.getMessage());
    }

    @Test
    void concatJoinsInOrder() {
        ImageSet a = four().subset(0, 1);
        ImageSet b = four().subset(3);
        ImageSet joined = ImageSet.concat(List.of(a, b));
        assertArrayEquals(new int[] {0, 1, 1}, joined.labels());
        assertEquals(30, joined.pixel(2, 0, 0, 0));
    }

    @Test
    void concatRefusesDifferentClasses() {
        ImageSet other = four().remap(new int[] {0, 0, 0}, List.of("x"));
        assertThrows(IllegalArgumentException.class, () -> ImageSet.concat(List.of(four(), other)));
    }

    @Test
    void permutePixelsMovesEachPixelWhereThePermutationSays() {
        ImageSet p = four().permutePixels(new int[] {3, 2, 1, 0});
        assertEquals(13, p.pixel(1, 0, 0, 0));
        assertEquals(10, p.pixel(1, 1, 1, 0));
        assertArrayEquals(four().labels(), p.labels());
    }

    @Test
    void permutePixelsRefusesARepeatedIndex() {
        var e = assertThrows(IllegalArgumentException.class, () -> four().permutePixels(new int[] {0, 0, 1, 2}));
        assertTrue(e.getMessage().contains("0 is out of range or repeated"), e.getMessage());
    }
}
