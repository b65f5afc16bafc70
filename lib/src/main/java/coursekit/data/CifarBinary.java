package coursekit.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the binary versions of <a href="https://www.cs.toronto.edu/~kriz/cifar.html">CIFAR-10 and CIFAR-100</a>
 * (Krizhevsky, 2009) into 32x32 RGB image sets.
 *
 * <p>Each record holds its label byte(s), then 3072 pixel bytes in planes: 1024 red, 1024 green, 1024 blue,
 * each plane row-major. The planes are interleaved here into the height-width-channel order of {@link ImageSet}.
 */
public final class CifarBinary {

    /** Where the binary versions are published, for the messages about missing files. */
    public static final String URL = "https://www.cs.toronto.edu/~kriz/cifar.html";

    private static final int SIDE = 32;
    private static final int PLANE = SIDE * SIDE;
    private static final int PIXELS = 3 * PLANE;
    private static final int BUFFER = 1 << 16;

    private static final String CIFAR10_FOLDER = "cifar-10-batches-bin";
    private static final String CIFAR100_FOLDER = "cifar-100-binary";
    private static final List<String> CIFAR10_TRAIN =
            List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin");

    private CifarBinary() {}

    /**
     * Reads CIFAR-10's 50,000 training and 10,000 test images.
     *
     * @param folder {@code cifar-10-batches-bin/} as extracted from {@code cifar-10-binary.tar.gz}, or the folder
     *     that holds it; it must contain {@code data_batch_1.bin} ... {@code data_batch_5.bin},
     *     {@code test_batch.bin} and {@code batches.meta.txt}
     */
    public static TrainTest cifar10(Path folder) {
        Path dir = datasetFolder(folder, CIFAR10_FOLDER, "batches.meta.txt", "CIFAR-10");
        List<String> classNames = ClassNames.read(existing(dir.resolve("batches.meta.txt"), "CIFAR-10"));
        List<Path> trainFiles = new ArrayList<>();
        for (String name : CIFAR10_TRAIN) {
            trainFiles.add(existing(dir.resolve(name), "CIFAR-10"));
        }
        Path testFile = existing(dir.resolve("test_batch.bin"), "CIFAR-10");
        return new TrainTest(read(trainFiles, Layout.CIFAR10, classNames, "batches.meta.txt"),
                read(List.of(testFile), Layout.CIFAR10, classNames, "batches.meta.txt"));
    }

    /**
     * Reads CIFAR-100's 50,000 training and 10,000 test images with their fine (100 classes) or coarse
     * (20 superclasses) labels.
     *
     * @param folder {@code cifar-100-binary/} as extracted from {@code cifar-100-binary.tar.gz}, or the folder
     *     that holds it; it must contain {@code train.bin}, {@code test.bin}, {@code fine_label_names.txt}
     *     and {@code coarse_label_names.txt}
     * @param fine true for the 100 fine labels, false for the 20 coarse ones
     */
    public static TrainTest cifar100(Path folder, boolean fine) {
        Path dir = datasetFolder(folder, CIFAR100_FOLDER, "train.bin", "CIFAR-100");
        String namesFile = fine ? "fine_label_names.txt" : "coarse_label_names.txt";
        List<String> classNames = ClassNames.read(existing(dir.resolve(namesFile), "CIFAR-100"));
        Layout layout = fine ? Layout.CIFAR100_FINE : Layout.CIFAR100_COARSE;
        Path trainFile = existing(dir.resolve("train.bin"), "CIFAR-100");
        Path testFile = existing(dir.resolve("test.bin"), "CIFAR-100");
        return new TrainTest(read(List.of(trainFile), layout, classNames, namesFile),
                read(List.of(testFile), layout, classNames, namesFile));
    }

    /** Reads one CIFAR-10 batch file, e.g. {@code test_batch.bin}; {@code classNames} usually has 10 names. */
    public static ImageSet readCifar10(Path file, List<String> classNames) {
        return read(List.of(existing(file, "CIFAR-10")), Layout.CIFAR10, classNames, "the class list");
    }

    /** Reads one CIFAR-100 file, {@code train.bin} or {@code test.bin}, with its fine or coarse labels. */
    public static ImageSet readCifar100(Path file, boolean fine, List<String> classNames) {
        Layout layout = fine ? Layout.CIFAR100_FINE : Layout.CIFAR100_COARSE;
        return read(List.of(existing(file, "CIFAR-100")), layout, classNames, "the class list");
    }

    /** Where the label sits in a record and how long a record is. */
    private enum Layout {
        CIFAR10("CIFAR-10", 1, 0),
        CIFAR100_COARSE("CIFAR-100", 2, 0),
        CIFAR100_FINE("CIFAR-100", 2, 1);

        final String dataset;
        final int labelBytes;
        final int labelOffset;

        Layout(String dataset, int labelBytes, int labelOffset) {
            this.dataset = dataset;
            this.labelBytes = labelBytes;
            this.labelOffset = labelOffset;
        }

        int recordSize() {
            return labelBytes + PIXELS;
        }
    }

    /** Accepts the extracted folder itself or its parent, since people pass either. */
    private static Path datasetFolder(Path folder, String expectedName, String marker, String dataset) {
        if (!Files.exists(folder.resolve(marker)) && Files.isDirectory(folder.resolve(expectedName))) {
            return folder.resolve(expectedName);
        }
        if (!Files.isDirectory(folder)) {
            throw new DatasetException(folder + " is not a folder; download the " + dataset + " binary version from "
                    + URL + " and pass the " + expectedName + "/ folder extracted from it.");
        }
        return folder;
    }

    private static Path existing(Path file, String dataset) {
        if (!Files.isRegularFile(file)) {
            throw new DatasetException(file + " is missing; download the " + dataset + " binary version from " + URL
                    + " and extract all of its files into " + file.toAbsolutePath().getParent() + ".");
        }
        return file;
    }

    /** Reads the files one after another into one set, without a second copy of the pixels. */
    private static ImageSet read(List<Path> files, Layout layout, List<String> classNames, String namesSource) {
        if (classNames.isEmpty()) {
            throw new IllegalArgumentException("Reading " + files.get(0) + " needs at least one class name, but got none.");
        }
        long total = 0;
        for (Path file : files) {
            total += recordCount(file, layout);
        }
        if (total * PIXELS > Integer.MAX_VALUE - 8) {
            throw new DatasetException(files.get(0) + " and the files read with it hold " + total
                    + " images, more than one Java array can hold; read fewer files at once.");
        }
        byte[] pixels = new byte[(int) total * PIXELS];
        int[] labels = new int[(int) total];
        int index = 0;
        for (Path file : files) {
            index = readRecords(file, layout, classNames, namesSource, pixels, labels, index);
        }
        return ImageSet.wrap(pixels, labels, SIDE, SIDE, 3, classNames);
    }

    private static long recordCount(Path file, Layout layout) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new DatasetException(file + " cannot be read (" + e + "); check that it is a readable file.", e);
        }
        if (size % layout.recordSize() != 0) {
            throw new DatasetException(file + " has " + size + " bytes, not a multiple of the " + layout.recordSize()
                    + "-byte " + layout.dataset + " record; is it the " + layout.dataset
                    + " binary version, completely downloaded (" + URL + ")?");
        }
        return size / layout.recordSize();
    }

    private static int readRecords(Path file, Layout layout, List<String> classNames, String namesSource,
                                   byte[] pixels, int[] labels, int start) {
        byte[] record = new byte[layout.recordSize()];
        int index = start;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER)) {
            for (int n = in.readNBytes(record, 0, record.length); n > 0; n = in.readNBytes(record, 0, record.length)) {
                if (n < record.length) {
                    throw new DatasetException(file + " changed while it was read (it ended inside record "
                            + (index - start) + "); read it again once it is complete.");
                }
                labels[index] = checkedLabel(record[layout.labelOffset] & 0xff, file, index - start, classNames, namesSource);
                planarToInterleaved(record, layout.labelBytes, pixels, index * PIXELS);
                index++;
            }
        } catch (IOException e) {
            throw new DatasetException(file + " cannot be read (" + e + "); check that it is a readable file.", e);
        }
        return index;
    }

    private static int checkedLabel(int label, Path file, int record, List<String> classNames, String namesSource) {
        if (label >= classNames.size()) {
            throw new DatasetException(file + ": record " + record + " has label " + label + " but " + namesSource
                    + " names only " + classNames.size() + " classes; is the file corrupt, or from the other CIFAR?");
        }
        return label;
    }

    /** CIFAR stores each colour as its own 32x32 plane; ImageSet wants the three values of a pixel side by side. */
    static void planarToInterleaved(byte[] record, int offset, byte[] target, int targetOffset) {
        for (int p = 0; p < PLANE; p++) {
            int out = targetOffset + 3 * p;
            target[out] = record[offset + p];
            target[out + 1] = record[offset + PLANE + p];
            target[out + 2] = record[offset + 2 * PLANE + p];
        }
    }
}
