package coursekit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BatchesTest {

    @Test
    void inOrderCutsTheIndicesIntoBatchesWithASmallerLastOne() {
        List<int[]> batches = list(Batches.inOrder(7, 3));
        assertEquals(3, batches.size());
        assertArrayEquals(new int[] {0, 1, 2}, batches.get(0));
        assertArrayEquals(new int[] {3, 4, 5}, batches.get(1));
        assertArrayEquals(new int[] {6}, batches.get(2));
    }

    @Test
    void inOrderGivesOneBatchWhenTheBatchIsLargerThanTheSet() {
        List<int[]> batches = list(Batches.inOrder(5, Batches.INFERENCE));
        assertEquals(1, batches.size());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, batches.get(0));
    }

    @Test
    void inOrderOfNothingHasNoBatches() {
        Iterator<int[]> batches = Batches.inOrder(0, 4).iterator();
        assertFalse(batches.hasNext());
        assertThrows(NoSuchElementException.class, batches::next);
    }

    @Test
    void shuffledBatchesCoverEveryIndexOnce() {
        List<int[]> batches = list(Batches.shuffled(103, 10, new Random(5)));
        assertEquals(11, batches.size());
        batches.subList(0, 10).forEach(batch -> assertEquals(10, batch.length));
        assertEquals(3, batches.get(10).length);
        int[] all = concatenated(batches);
        assertFalse(Arrays.equals(Batches.range(0, 103), all), "shuffled, not in order");
        Arrays.sort(all);
        assertArrayEquals(Batches.range(0, 103), all);
    }

    @Test
    void shuffledOrderComesFromTheSeed() {
        int[] first = concatenated(list(Batches.shuffled(50, 8, new Random(42))));
        int[] again = concatenated(list(Batches.shuffled(50, 8, new Random(42))));
        int[] other = concatenated(list(Batches.shuffled(50, 8, new Random(43))));
        assertArrayEquals(first, again);
        assertFalse(Arrays.equals(first, other), "another seed, another order");
    }

    @Test
    void shuffledDrawsItsOrderWhenMadeSoLaterDrawsDoNotChangeIt() {
        Random random = new Random(1);
        Iterable<int[]> batches = Batches.shuffled(20, 6, random);
        random.nextLong();
        int[] expected = concatenated(list(Batches.shuffled(20, 6, new Random(1))));
        assertArrayEquals(expected, concatenated(list(batches)));
        assertArrayEquals(expected, concatenated(list(batches)), "iterating again gives the same batches");
    }

    @Test
    void aBatchSizeBelowOneIsRefusedNamingTheValue() {
        IllegalArgumentException inOrder = assertThrows(IllegalArgumentException.class, () -> Batches.inOrder(10, 0));
        assertTrue(inOrder.getMessage().contains("batchSize=0"), inOrder.getMessage());
        IllegalArgumentException shuffled = assertThrows(IllegalArgumentException.class, () -> Batches.shuffled(10, -3, new Random(1)));
        assertTrue(shuffled.getMessage().contains("batchSize=-3"), shuffled.getMessage());
    }

    @Test
    void aNegativeSizeIsRefusedNamingTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Batches.inOrder(-1, 4));
        assertTrue(e.getMessage().contains("size=-1"), e.getMessage());
    }

    @Test
    void aRangeThatEndsBeforeItStartsIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Batches.range(5, 2));
        assertTrue(e.getMessage().contains("start=5, end=2"), e.getMessage());
    }

    @Test
    void imagesAreChannelFirstFloatsInUnitRange() {
        // Two 1x2 RGB images, bytes interleaved (R, G, B per pixel) as ImageSet stores them.
        byte[] pixels = {0, 51, (byte) 255, 102, (byte) 204, 0, 1, 2, 3, 4, 5, 6};
        ImageSet images = ImageSet.of(pixels, new int[] {0, 1}, 1, 2, 3, List.of("a", "b"));
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray batch = Batches.images(manager, images, new int[] {1, 0});
            assertEquals(new Shape(2, 3, 1, 2), batch.getShape());
            float[] expected = {1 / 255f, 4 / 255f, 2 / 255f, 5 / 255f, 3 / 255f, 6 / 255f, 0f, 102 / 255f, 51 / 255f, 204 / 255f, 1f, 0f};
            assertArrayEquals(expected, batch.toFloatArray(), 0f);
        }
    }

    @Test
    void anArrayHoldsTheValuesInTheShapeAsked() {
        float[] values = {0.5f, -1f, 3f, 7f, 0f, -0f};
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray array = Batches.array(manager, values, new Shape(2, 3));
            assertEquals(new Shape(2, 3), array.getShape());
            assertArrayEquals(values, array.toFloatArray(), 0f);
        }
    }

    private static List<int[]> list(Iterable<int[]> batches) {
        List<int[]> list = new ArrayList<>();
        batches.forEach(list::add);
        return list;
    }

    private static int[] concatenated(List<int[]> batches) {
        return batches.stream().flatMapToInt(Arrays::stream).toArray();
    }
}
