package coursekit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class ImageSetTest {

    @Test
    void splitIsReproducibleFromItsSeed() {
        ImageSet set = numbered(150, 50);
        Split first = set.split(0.5, 0.25, 0.25, 42);
        Split again = set.split(0.5, 0.25, 0.25, 42);
        Split other = set.split(0.5, 0.25, 0.25, 43);
        assertArrayEquals(ids(first.train()), ids(again.train()));
        assertArrayEquals(ids(first.validation()), ids(again.validation()));
        assertArrayEquals(ids(first.test()), ids(again.test()));
        assertFalse(java.util.Arrays.equals(ids(first.train()), ids(other.train())), "another seed, another split");
    }

    @Test
    void splitKeepsTheClassBalanceInEveryPart() {
        Split split = numbered(150, 50).split(0.5, 0.25, 0.25, 7);
        assertArrayEquals(new int[] {75, 25}, split.train().classCounts());
        assertBalanced(split.validation(), 0.25);
        assertBalanced(split.test(), 0.25);
    }

    @Test
    void splitPartsAreDisjoint() {
        Split split = numbered(150, 50).split(0.5, 0.25, 0.25, 7);
        Set<Integer> seen = new HashSet<>();
        for (ImageSet part : List.of(split.train(), split.validation(), split.test())) {
            for (int id : ids(part)) {
                assertTrue(seen.add(id), "image " + id + " is in two parts");
            }
        }
        assertEquals(200, seen.size());
    }

    @Test
    void splitOfATinyClassDoesNotAskForMoreImagesThanItHas() {
        // 3 images at 0.5 / 0.5 round to 2 + 2.
        Split split = numbered(3).split(0.5, 0.5, 0, 1);
        assertEquals(2, split.train().size());
        assertEquals(1, split.validation().size());
        assertEquals(0, split.test().size());
    }

    private static void assertBalanced(ImageSet part, double fraction) {
        int[] counts = part.classCounts();
        assertEquals(150 * fraction, counts[0], 1.0);
        assertEquals(50 * fraction, counts[1], 1.0);
    }

    /** 1x1 grey images whose pixel is the image's index (at most 256 images), so parts can be compared by content. */
    private static ImageSet numbered(int... perClass) {
        int total = java.util.Arrays.stream(perClass).sum();
        byte[] pixels = new byte[total];
        int[] labels = new int[total];
        List<String> names = new java.util.ArrayList<>();
        int i = 0;
        for (int c = 0; c < perClass.length; c++) {
            names.add("class" + c);
            for (int k = 0; k < perClass[c]; k++, i++) {
                pixels[i] = (byte) i;
                labels[i] = c;
            }
        }
        return ImageSet.of(pixels, labels, 1, 1, 1, names);
    }

    private static int[] ids(ImageSet set) {
        int[] ids = new int[set.size()];
        for (int i = 0; i < set.size(); i++) {
            ids[i] = set.pixel(i, 0, 0, 0);
        }
        return ids;
    }
}
