package coursekit.data;

import static coursekit.data.IdxTest.assertMessageNames;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class CifarBinaryTest {

    private static final List<String> CIFAR10_CLASSES = List.of("airplane", "automobile", "bird", "cat", "deer",
            "dog", "frog", "horse", "ship", "truck");

    @TempDir
    Path dir;

    @Test
    void cifar10RecordsArePlanarAndBecomeHwc() throws IOException {
        Path file = Files.write(dir.resolve("data_batch_1.bin"), cifar10Records(3, 0, 9));
        ImageSet set = CifarBinary.readCifar10(file, CIFAR10_CLASSES);
        assertEquals(3, set.size());
        assertArrayEquals(new int[] {3, 0, 9}, set.labels());
        assertEquals(32, set.height());
        assertEquals(32, set.width());
        assertEquals(3, set.channels());
        assertPixelsMatch(set);
    }

    @Test
    void cifar10FolderReadsFiveTrainingBatchesInOrderAndTheTestBatch() throws IOException {
        Path folder = cifar10Folder();
        TrainTest data = CifarBinary.cifar10(folder);
        assertArrayEquals(new int[] {1, 2, 3, 4, 5}, data.train().labels());
        assertArrayEquals(new int[] {7, 8}, data.test().labels());
        assertEquals(CIFAR10_CLASSES, data.train().classNames());
    }

    @Test
    void cifar10AcceptsTheFolderThatHoldsTheExtractedOne() throws IOException {
        cifar10Folder();
        assertEquals(5, CifarBinary.cifar10(dir).train().size());
    }

    @Test
    void cifar100RecordsGiveFineLabels() throws IOException {
        Path folder = cifar100Folder();
        TrainTest data = CifarBinary.cifar100(folder, true);
        assertArrayEquals(new int[] {10, 20, 99}, data.train().labels());
        assertEquals(100, data.train().numClasses());
        assertEquals("fine99", data.train().classNames().get(99));
        assertPixelsMatch(data.train());
    }

    @Test
    void cifar100RecordsGiveCoarseLabels() throws IOException {
        Path folder = cifar100Folder();
        TrainTest data = CifarBinary.cifar100(folder, false);
        assertArrayEquals(new int[] {1, 2, 19}, data.train().labels());
        assertArrayEquals(new int[] {4}, data.test().labels());
        assertEquals(20, data.train().numClasses());
        assertPixelsMatch(data.train());
    }

    @Test
    void fileSizeNotAMultipleOfTheRecordIsReported() throws IOException {
        byte[] records = cifar10Records(1, 2);
        Path file = Files.write(dir.resolve("data_batch_1.bin"), java.util.Arrays.copyOf(records, records.length + 5));
        DatasetException e = assertThrows(DatasetException.class, () -> CifarBinary.readCifar10(file, CIFAR10_CLASSES));
        assertMessageNames(e, "data_batch_1.bin");
        assertTrue(e.getMessage().contains("6151 bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("3073"), e.getMessage());
    }

    @Test
    void missingFileIsNamedWithWhereToGetTheDataset() throws IOException {
        Path folder = cifar10Folder();
        Files.delete(folder.resolve("data_batch_3.bin"));
        DatasetException e = assertThrows(DatasetException.class, () -> CifarBinary.cifar10(folder));
        assertMessageNames(e, "data_batch_3.bin");
        assertTrue(e.getMessage().contains("https://www.cs.toronto.edu/~kriz/cifar.html"), e.getMessage());
    }

    @Test
    void labelOutOfRangeIsReported() throws IOException {
        Path file = Files.write(dir.resolve("test_batch.bin"), cifar10Records(4, 10));
        DatasetException e = assertThrows(DatasetException.class, () -> CifarBinary.readCifar10(file, CIFAR10_CLASSES));
        assertMessageNames(e, "test_batch.bin");
        assertTrue(e.getMessage().contains("record 1 has label 10"), e.getMessage());
    }

    /** A distinct value per record, colour, row and column, so any mix-up of planes or axes shows. */
    private static int value(int record, int channel, int row, int col) {
        return (record * 50 + channel * 80 + row * 7 + col * 3) & 0xff;
    }

    private static void assertPixelsMatch(ImageSet set) {
        int[][] positions = {{0, 0}, {0, 31}, {31, 0}, {31, 31}, {17, 5}, {5, 17}};
        for (int record = 0; record < set.size(); record++) {
            for (int[] p : positions) {
                for (int channel = 0; channel < 3; channel++) {
                    assertEquals(value(record, channel, p[0], p[1]), set.pixel(record, p[0], p[1], channel),
                            "record " + record + " pixel " + p[0] + "," + p[1] + " channel " + channel);
                }
            }
        }
    }

    private static byte[] cifar10Records(int... labels) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int record = 0; record < labels.length; record++) {
            out.write(labels[record]);
            writePlanes(out, record);
        }
        return out.toByteArray();
    }

    private static byte[] cifar100Records(int[] coarse, int[] fine) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int record = 0; record < coarse.length; record++) {
            out.write(coarse[record]);
            out.write(fine[record]);
            writePlanes(out, record);
        }
        return out.toByteArray();
    }

    private static void writePlanes(ByteArrayOutputStream out, int record) {
        for (int channel = 0; channel < 3; channel++) {
            for (int row = 0; row < 32; row++) {
                for (int col = 0; col < 32; col++) {
                    out.write(value(record, channel, row, col));
                }
            }
        }
    }

    private Path cifar10Folder() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("cifar-10-batches-bin"));
        for (int batch = 1; batch <= 5; batch++) {
            Files.write(folder.resolve("data_batch_" + batch + ".bin"), cifar10Records(batch));
        }
        Files.write(folder.resolve("test_batch.bin"), cifar10Records(7, 8));
        // The official meta file ends with blank lines.
        Files.writeString(folder.resolve("batches.meta.txt"), String.join("\n", CIFAR10_CLASSES) + "\n\n\n");
        return folder;
    }

    private Path cifar100Folder() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("cifar-100-binary"));
        Files.write(folder.resolve("train.bin"), cifar100Records(new int[] {1, 2, 19}, new int[] {10, 20, 99}));
        Files.write(folder.resolve("test.bin"), cifar100Records(new int[] {4}, new int[] {44}));
        Files.writeString(folder.resolve("coarse_label_names.txt"), names("coarse", 20));
        Files.writeString(folder.resolve("fine_label_names.txt"), names("fine", 100));
        return folder;
    }

    private static String names(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + i).collect(Collectors.joining("\n", "", "\n"));
    }
}
