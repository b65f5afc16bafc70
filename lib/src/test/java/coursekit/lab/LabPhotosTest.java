package coursekit.lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coursekit.data.DatasetException;
import coursekit.data.Datasets;
import coursekit.data.SharedData;
import coursekit.data.Split;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which cats and dogs a lab trains on: the lecture's photos where they are, the embedded set otherwise. */
class LabPhotosTest {

    @TempDir
    Path dataDir;

    private Split data(String... args) {
        return LabSession.start("test", args, Set.of()).data(64, "");
    }

    @Test
    void photosInTheDataDirectoryAreUsedWithoutAnyOption() throws IOException {
        SharedData.copyLayout(dataDir.resolve("cats_and_dogs_small"), 2);
        Split split = withDataDirectory(() -> data("--out", dataDir.resolve("out").toString()));
        assertEquals(4, split.train().size());
        assertArrayEquals(new long[] {3, 150, 150}, split.imageShape());
        assertFalse(split.train().isInMemory());
    }

    @Test
    void dataEmbeddedPicksTheEmbeddedSetEvenWherePhotosAre() throws IOException {
        SharedData.copyLayout(dataDir.resolve("cats_and_dogs_small"), 2);
        Split split = withDataDirectory(() -> data("--data", "embedded", "--out", dataDir.resolve("out").toString()));
        assertArrayEquals(new long[] {3, 64, 64}, split.imageShape());
        assertTrue(split.train().isInMemory());
    }

    @Test
    void withoutPhotosTheEmbeddedSetIsUsed() {
        Split split = withDataDirectory(() -> data("--out", dataDir.resolve("out").toString()));
        assertArrayEquals(new long[] {3, 64, 64}, split.imageShape());
    }

    @Test
    void aDataFolderThatIsNotThereIsRefusedByName() {
        Path missing = dataDir.resolve("no-such-folder");
        DatasetException e = assertThrows(DatasetException.class,
                () -> data("--data", missing.toString(), "--out", dataDir.resolve("out").toString()));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    private <T> T withDataDirectory(Supplier<T> action) {
        String before = System.setProperty(Datasets.DATA_PROPERTY, dataDir.toString());
        try {
            return action.get();
        } finally {
            if (before == null) {
                System.clearProperty(Datasets.DATA_PROPERTY);
            } else {
                System.setProperty(Datasets.DATA_PROPERTY, before);
            }
        }
    }
}
