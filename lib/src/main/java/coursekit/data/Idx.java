package coursekit.data;

import coursekit.io.AtomicFiles;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * Reads and writes IDX files, the format of <a href="http://yann.lecun.com/exdb/mnist/">MNIST</a> and
 * <a href="https://github.com/zalandoresearch/fashion-mnist">Fashion-MNIST</a>, plain or gzip-compressed.
 *
 * <p>An IDX file is a 4-byte magic number {@code 0x000008NN} (0x08: unsigned bytes; NN: the number of
 * dimensions), one big-endian 32-bit size per dimension, then the data in row-major order. Only unsigned
 * bytes are supported, which is what image and label files use. Compression is detected from the gzip
 * magic bytes, not from the file name, so a renamed or already unpacked file reads the same.
 */
public final class Idx {

    /** The third byte of the magic number for unsigned bytes. */
    private static final int UNSIGNED_BYTE = 0x08;
    private static final int GZIP_MAGIC_0 = 0x1f;
    private static final int GZIP_MAGIC_1 = 0x8b;
    private static final int BUFFER = 1 << 16;

    private Idx() {}

    /** The content of one IDX file: its dimensions and its bytes in row-major order. */
    public static final class Data {
        private final int[] shape;
        private final byte[] bytes;

        private Data(int[] shape, byte[] bytes) {
            this.shape = shape;
            this.bytes = bytes;
        }

        /** The size of each dimension, outermost first, e.g. {@code {60000, 28, 28}}. */
        public int[] shape() {
            return shape.clone();
        }

        /** A copy of the data bytes (unsigned, read them with {@code & 0xff}). */
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public String toString() {
            return "Idx.Data" + Arrays.toString(shape);
        }
    }

    /** Reads an IDX file of unsigned bytes, plain or gzip-compressed. */
    public static Data read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new DatasetException(file + " does not exist; check the path or download the dataset again.", e);
        } catch (IOException e) {
            throw unreadable(file.toString(), e);
        }
    }

    /**
     * Reads IDX data from a stream, e.g. a classpath resource; the stream is not closed.
     *
     * @param name what to call the source in error messages, e.g. its file name
     */
    public static Data read(InputStream in, String name) {
        try {
            return readData(decompressed(in), name);
        } catch (EOFException e) {
            throw new DatasetException(name + " is truncated: its gzip stream ends early; download it again.", e);
        } catch (ZipException e) {
            throw new DatasetException(name + " is a corrupt gzip file (" + e.getMessage() + "); download it again.", e);
        } catch (IOException e) {
            throw unreadable(name, e);
        }
    }

    /**
     * Reads labelled images from an image file of shape (N, H, W) or (N, H, W, C) and a label file of shape (N).
     *
     * @param classNames the name of each label value; every label must be an index into it
     */
    public static ImageSet readImages(Path images, Path labels, List<String> classNames) {
        return toImageSet(read(images), images.toString(), read(labels), labels.toString(), classNames);
    }

    /** Like {@link #readImages(Path, Path, List)} but from streams, e.g. classpath resources; they are not closed. */
    public static ImageSet readImages(InputStream images, String imagesName, InputStream labels, String labelsName,
                                      List<String> classNames) {
        return toImageSet(read(images, imagesName), imagesName, read(labels, labelsName), labelsName, classNames);
    }

    /**
     * Writes an IDX file of unsigned bytes, gzip-compressed when the name ends in {@code .gz}; a reader sees
     * either the old file or the complete new one.
     *
     * @param shape the size of each dimension; their product must equal {@code data.length}
     */
    public static void write(Path file, byte[] data, int... shape) {
        if (shape.length == 0 || shape.length > 255) {
            throw new IllegalArgumentException("An IDX file has 1 to 255 dimensions, but got shape "
                    + Arrays.toString(shape) + ".");
        }
        long count = 1;
        for (int size : shape) {
            if (size < 0) {
                throw new IllegalArgumentException("IDX dimensions cannot be negative, but got shape " + Arrays.toString(shape) + ".");
            }
            count *= size;
        }
        if (count != data.length) {
            throw new IllegalArgumentException("Shape " + Arrays.toString(shape) + " holds " + count
                    + " bytes, but got " + data.length + ".");
        }
        boolean gzip = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
        AtomicFiles.write(file, out -> writeTo(gzip ? new GZIPOutputStream(out, BUFFER) : out, data, shape));
    }

    /**
     * Writes an image set as an image file and a label file, the layout of MNIST: shape (N, H, W) for
     * one channel, (N, H, W, C) otherwise. Class names are not stored; keep them beside, e.g. in classes.txt.
     */
    public static void writeImages(Path images, Path labels, ImageSet set) {
        if (set.numClasses() > 256) {
            throw new IllegalArgumentException("IDX labels are single bytes, so at most 256 classes fit, but the set has "
                    + set.numClasses() + ".");
        }
        byte[] pixels = new byte[set.size() * set.imageBytes()];
        byte[] labelBytes = new byte[set.size()];
        for (int i = 0; i < set.size(); i++) {
            set.copyImage(i, pixels, i * set.imageBytes());
            labelBytes[i] = (byte) set.label(i);
        }
        int[] shape = set.channels() == 1
                ? new int[] {set.size(), set.height(), set.width()}
                : new int[] {set.size(), set.height(), set.width(), set.channels()};
        write(images, pixels, shape);
        write(labels, labelBytes, set.size());
    }

    private static void writeTo(OutputStream target, byte[] data, int[] shape) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(target, BUFFER));
        out.writeInt(UNSIGNED_BYTE << 8 | shape.length);
        for (int size : shape) {
            out.writeInt(size);
        }
        out.write(data);
        // Closing writes the gzip trailer and frees the deflater; AtomicFiles's own close after it is harmless.
        out.close();
    }

    /** Looks at the first two bytes to decide whether the stream is gzip-compressed. */
    private static InputStream decompressed(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, BUFFER);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        if (b0 == GZIP_MAGIC_0 && b1 == GZIP_MAGIC_1) {
            return new BufferedInputStream(new GZIPInputStream(in, BUFFER), BUFFER);
        }
        return in;
    }

    private static Data readData(InputStream in, String name) throws IOException {
        byte[] header = in.readNBytes(4);
        if (header.length < 4) {
            throw new DatasetException(name + " holds only " + header.length
                    + " bytes, too few for an IDX header; is it the right file, or an incomplete download?");
        }
        int magic = (header[0] & 0xff) << 24 | (header[1] & 0xff) << 16 | (header[2] & 0xff) << 8 | (header[3] & 0xff);
        int dims = header[3] & 0xff;
        checkMagic(name, magic, header[0] | header[1], header[2] & 0xff, dims);
        int[] shape = readShape(in, name, dims);
        long count = 1;
        for (int size : shape) {
            count *= size;
        }
        if (count > Integer.MAX_VALUE - 8) {
            throw new DatasetException(name + ": its shape " + Arrays.toString(shape) + " holds " + count
                    + " bytes, more than one Java array can hold; split the file into smaller ones.");
        }
        byte[] data = readExactly(in, name, (int) count);
        if (in.read() != -1) {
            throw new DatasetException(name + " has more bytes than its header's shape " + Arrays.toString(shape)
                    + " describes; is it the right file?");
        }
        return new Data(shape, data);
    }

    private static void checkMagic(String name, int magic, int leadingBytes, int type, int dims) {
        String found = String.format(Locale.ROOT, "0x%08X", magic);
        String typeName = typeName(type);
        if (leadingBytes != 0 || typeName == null || dims == 0) {
            throw new DatasetException(name + ": the IDX magic number is " + found
                    + " but an IDX file starts with 0x0000080N; is this the right file?");
        }
        if (type != UNSIGNED_BYTE) {
            throw new DatasetException(name + " holds IDX data of type " + typeName + " (magic number " + found
                    + ") but only unsigned bytes (0x0000080N) are supported; convert it to unsigned bytes first.");
        }
    }

    /** The IDX data types, by the third byte of the magic number; null for none. */
    private static String typeName(int type) {
        return switch (type) {
            case 0x08 -> "unsigned byte";
            case 0x09 -> "signed byte";
            case 0x0B -> "short";
            case 0x0C -> "int";
            case 0x0D -> "float";
            case 0x0E -> "double";
            default -> null;
        };
    }

    private static int[] readShape(InputStream in, String name, int dims) throws IOException {
        byte[] bytes = in.readNBytes(4 * dims);
        if (bytes.length < 4 * dims) {
            throw new DatasetException(name + " ends inside its IDX header, which announces " + dims
                    + " dimensions; download it again.");
        }
        int[] shape = new int[dims];
        for (int d = 0; d < dims; d++) {
            int i = 4 * d;
            shape[d] = (bytes[i] & 0xff) << 24 | (bytes[i + 1] & 0xff) << 16 | (bytes[i + 2] & 0xff) << 8 | (bytes[i + 3] & 0xff);
            if (shape[d] < 0) {
                throw new DatasetException(name + ": dimension " + d + " of its IDX header is "
                        + Integer.toUnsignedString(shape[d]) + ", too large to be real; is the file corrupt?");
            }
        }
        return shape;
    }

    private static byte[] readExactly(InputStream in, String name, int count) throws IOException {
        byte[] data = new byte[count];
        int read = in.readNBytes(data, 0, count);
        if (read < count) {
            throw new DatasetException(name + " is truncated: its header promises " + count
                    + " data bytes but only " + read + " follow; download it again.");
        }
        return data;
    }

    private static ImageSet toImageSet(Data images, String imagesName, Data labels, String labelsName,
                                       List<String> classNames) {
        int[] shape = images.shape;
        if (shape.length != 3 && shape.length != 4) {
            throw new DatasetException(imagesName + " has shape " + Arrays.toString(shape)
                    + " but images need 3 dimensions (N, H, W) or 4 (N, H, W, C); is it a label file?");
        }
        int channels = shape.length == 4 ? shape[3] : 1;
        if (channels != 1 && channels != 3) {
            throw new DatasetException(imagesName + " has " + channels
                    + " channels per pixel but images need 1 (grayscale) or 3 (RGB); convert it first.");
        }
        if (shape[1] == 0 || shape[2] == 0) {
            throw new DatasetException(imagesName + " has images of size " + shape[1] + "x" + shape[2]
                    + "; is the file corrupt?");
        }
        if (labels.shape.length != 1) {
            throw new DatasetException(labelsName + " has shape " + Arrays.toString(labels.shape)
                    + " but labels need 1 dimension (N); is it an image file?");
        }
        if (labels.shape[0] != shape[0]) {
            throw new DatasetException(labelsName + " holds " + labels.shape[0] + " labels but " + imagesName
                    + " holds " + shape[0] + " images; use the label file that belongs to these images.");
        }
        if (classNames.isEmpty()) {
            throw new IllegalArgumentException("Reading " + imagesName + " needs at least one class name, but got none.");
        }
        int[] labelValues = checkedLabels(labels.bytes, labelsName, classNames);
        return ImageSet.wrap(images.bytes, labelValues, shape[1], shape[2], channels, classNames);
    }

    private static int[] checkedLabels(byte[] bytes, String labelsName, List<String> classNames) {
        int[] values = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            values[i] = bytes[i] & 0xff;
            if (values[i] >= classNames.size()) {
                throw new DatasetException(labelsName + ": label " + values[i] + " of image " + i
                        + " is outside the " + classNames.size() + " classes " + classNames
                        + "; check the class list (classes.txt) or the label file.");
            }
        }
        return values;
    }

    private static DatasetException unreadable(String name, IOException e) {
        return new DatasetException(name + " cannot be read (" + e + "); check that it is a readable file.", e);
    }
}
