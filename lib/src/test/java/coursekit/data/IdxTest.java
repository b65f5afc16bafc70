package coursekit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class IdxTest {

    private static final List<String> TWO_CLASSES = List.of("cat", "dog");

    @TempDir
    Path dir;

    @Test
    void threeDimensionalPlainFileRoundTrips() {
        assertRoundTrip(dir.resolve("images-idx3-ubyte"), new int[] {2, 3, 4});
    }

    @Test
    void threeDimensionalGzipFileRoundTrips() throws IOException {
        Path file = dir.resolve("images-idx3-ubyte.gz");
        assertRoundTrip(file, new int[] {2, 3, 4});
        byte[] start = Files.readAllBytes(file);
        assertEquals(0x1f, start[0] & 0xff, "a .gz name is written gzip-compressed");
        assertEquals(0x8b, start[1] & 0xff);
    }

    @Test
    void fourDimensionalPlainFileRoundTrips() {
        assertRoundTrip(dir.resolve("images-idx4-ubyte"), new int[] {3, 2, 5, 3});
    }

    @Test
    void fourDimensionalGzipFileRoundTrips() {
        assertRoundTrip(dir.resolve("images-idx4-ubyte.gz"), new int[] {3, 2, 5, 3});
    }

    @Test
    void gzipIsDetectedByContentNotByName() throws IOException {
        Path gz = dir.resolve("labels.gz");
        Idx.write(gz, ramp(5), 5);
        Path renamed = Files.move(gz, dir.resolve("labels-idx1-ubyte"));
        assertArrayEquals(ramp(5), Idx.read(renamed).bytes());
    }

    @Test
    void threeDimensionalImagesGetOneChannel() {
        Path images = dir.resolve("images.gz");
        Path labels = dir.resolve("labels.gz");
        Idx.write(images, ramp(2 * 3 * 4), 2, 3, 4);
        Idx.write(labels, new byte[] {1, 0}, 2);
        ImageSet set = Idx.readImages(images, labels, TWO_CLASSES);
        assertEquals(1, set.channels());
        assertEquals(3, set.height());
        assertEquals(4, set.width());
        assertArrayEquals(new int[] {1, 0}, set.labels());
        assertEquals(TWO_CLASSES, set.classNames());
        assertEquals(ramp(24)[12 + 2 * 4 + 3] & 0xff, set.pixel(1, 2, 3, 0));
    }

    @Test
    void fourDimensionalImagesKeepTheirChannels() {
        Path images = dir.resolve("images.gz");
        Path labels = dir.resolve("labels.gz");
        byte[] data = ramp(2 * 4 * 5 * 3);
        Idx.write(images, data, 2, 4, 5, 3);
        Idx.write(labels, new byte[] {0, 1}, 2);
        ImageSet set = Idx.readImages(images, labels, TWO_CLASSES);
        assertEquals(3, set.channels());
        assertEquals(data[((1 * 4 + 3) * 5 + 2) * 3 + 1] & 0xff, set.pixel(1, 3, 2, 1));
    }

    @Test
    void imagesAreReadFromStreams() throws IOException {
        Path images = dir.resolve("images.gz");
        Path labels = dir.resolve("labels");
        Idx.write(images, ramp(12), 3, 2, 2);
        Idx.write(labels, new byte[] {0, 1, 1}, 3);
        try (InputStream in = Files.newInputStream(images); InputStream lab = Files.newInputStream(labels)) {
            ImageSet set = Idx.readImages(in, "images.gz", lab, "labels", TWO_CLASSES);
            assertEquals(3, set.size());
            assertArrayEquals(new int[] {0, 1, 1}, set.labels());
        }
    }

    @Test
    void writeImagesThenReadImagesGivesTheSameSet() {
        byte[] pixels = ramp(4 * 2 * 3 * 3);
        ImageSet original = ImageSet.of(pixels, new int[] {1, 0, 1, 1}, 2, 3, 3, TWO_CLASSES);
        Path images = dir.resolve("images-idx4-ubyte.gz");
        Path labels = dir.resolve("labels-idx1-ubyte.gz");
        Idx.writeImages(images, labels, original);
        ImageSet read = Idx.readImages(images, labels, TWO_CLASSES);
        assertArrayEquals(new int[] {4, 2, 3, 3}, Idx.read(images).shape());
        assertArrayEquals(original.labels(), read.labels());
        assertArrayEquals(allPixels(original), allPixels(read));
    }

    @Test
    void wrongMagicNumberIsReported() throws IOException {
        Path file = write("train-images-idx3-ubyte.gz", gzip(header(0x00000000)));
        DatasetException e = assertThrows(DatasetException.class, () -> Idx.read(file));
        assertMessageNames(e, "train-images-idx3-ubyte.gz");
        assertTrue(e.getMessage().contains("0x00000000"), e.getMessage());
        assertTrue(e.getMessage().contains("0x0000080N"), e.getMessage());
    }

    @Test
    void dataTypeOtherThanUnsignedByteIsReported() throws IOException {
        Path file = write("floats-idx1", concat(header(0x00000D01, 1), new byte[4]));
        DatasetException e = assertThrows(DatasetException.class, () -> Idx.read(file));
        assertMessageNames(e, "floats-idx1");
        assertTrue(e.getMessage().contains("float"), e.getMessage());
    }

    @Test
    void truncatedPlainFileIsReported() throws IOException {
        Path file = write("t10k-images-idx3-ubyte", concat(header(0x00000803, 10, 28, 28), new byte[1000]));
        DatasetException e = assertThrows(DatasetException.class, () -> Idx.read(file));
        assertMessageNames(e, "t10k-images-idx3-ubyte");
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertTrue(e.getMessage().contains("7840"), e.getMessage());
    }

    @Test
    void truncatedGzipFileIsReported() throws IOException {
        Path whole = dir.resolve("whole.gz");
        Idx.write(whole, noise(50_000), 50, 1000);
        byte[] bytes = Files.readAllBytes(whole);
        Path file = write("cut-idx2-ubyte.gz", Arrays.copyOf(bytes, bytes.length / 2));
        DatasetException e = assertThrows(DatasetException.class, () -> Idx.read(file));
        assertMessageNames(e, "cut-idx2-ubyte.gz");
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void bytesBeyondTheHeaderShapeAreReported() throws IOException {
        Path file = write("long-idx1-ubyte", concat(header(0x00000801, 3), new byte[5]));
        DatasetException e = assertThrows(DatasetException.class, () -> Idx.read(file));
        assertMessageNames(e, "long-idx1-ubyte");
    }

    @Test
    void imageAndLabelCountsMustAgree() {
        Path images = dir.resolve("images-idx3-ubyte.gz");
        Path labels = dir.resolve("labels-idx1-ubyte.gz");
        Idx.write(images, new byte[3 * 4], 3, 2, 2);
        Idx.write(labels, new byte[2], 2);
        DatasetException e = assertThrows(DatasetException.class, () -> Idx.readImages(images, labels, TWO_CLASSES));
        assertMessageNames(e, "labels-idx1-ubyte.gz");
        assertMessageNames(e, "images-idx3-ubyte.gz");
    }

    @Test
    void labelOutsideTheClassListIsReported() {
        Path images = dir.resolve("images-idx3-ubyte.gz");
        Path labels = dir.resolve("labels-idx1-ubyte.gz");
        Idx.write(images, new byte[3 * 4], 3, 2, 2);
        Idx.write(labels, new byte[] {0, 1, 7}, 3);
        DatasetException e = assertThrows(DatasetException.class, () -> Idx.readImages(images, labels, TWO_CLASSES));
        assertMessageNames(e, "labels-idx1-ubyte.gz");
        assertTrue(e.getMessage().contains("label 7 of image 2"), e.getMessage());
    }

    @Test
    void channelCountOtherThanOneOrThreeIsReported() {
        Path images = dir.resolve("rgba-idx4-ubyte.gz");
        Path labels = dir.resolve("labels-idx1-ubyte.gz");
        Idx.write(images, new byte[2 * 2 * 2 * 4], 2, 2, 2, 4);
        Idx.write(labels, new byte[2], 2);
        DatasetException e = assertThrows(DatasetException.class, () -> Idx.readImages(images, labels, TWO_CLASSES));
        assertMessageNames(e, "rgba-idx4-ubyte.gz");
    }

    private void assertRoundTrip(Path file, int[] shape) {
        int count = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        byte[] data = ramp(count);
        Idx.write(file, data, shape);
        Idx.Data read = Idx.read(file);
        assertArrayEquals(shape, read.shape());
        assertArrayEquals(data, read.bytes());
    }

    static void assertMessageNames(Exception e, String fileName) {
        assertTrue(e.getMessage().contains(fileName), "the message should name " + fileName + ": " + e.getMessage());
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    /** Every byte value from 0 to 255 appears, so unsigned reading is checked too. */
    private static byte[] ramp(int n) {
        byte[] bytes = new byte[n];
        for (int i = 0; i < n; i++) {
            bytes[i] = (byte) (i * 37 + 200);
        }
        return bytes;
    }

    /** Incompressible bytes, so that half a gzip file is also half the data. */
    private static byte[] noise(int n) {
        byte[] bytes = new byte[n];
        new java.util.Random(7).nextBytes(bytes);
        return bytes;
    }

    private static byte[] header(int magic, int... shape) {
        ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * shape.length);
        buffer.putInt(magic);
        for (int size : shape) {
            buffer.putInt(size);
        }
        return buffer.array();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        }
        return bytes.toByteArray();
    }

    static byte[] allPixels(ImageSet set) {
        byte[] pixels = new byte[set.size() * set.imageBytes()];
        for (int i = 0; i < set.size(); i++) {
            set.copyImage(i, pixels, i * set.imageBytes());
        }
        return pixels;
    }
}
