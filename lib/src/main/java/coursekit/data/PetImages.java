package coursekit.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Builds the lecture's {@code cats_and_dogs_small} folder from Microsoft's
 * <a href="https://www.microsoft.com/en-us/download/details.aspx?id=54765">Kaggle Cats and Dogs</a> archive
 * ({@code PetImages/Cat/0.jpg ... 12499.jpg}, {@code PetImages/Dog/...}), the source Keras's own
 * <a href="https://keras.io/examples/vision/image_classification_from_scratch/">example</a> downloads.
 *
 * <p>Of each class it takes the first readable photos in numeric order, as the lecture does with Kaggle's files:
 * by default 1,000 to train, 500 to validate and 500 to test ({@code cat.0.jpg ... cat.999.jpg} in
 * {@code train/cats/}, then {@code cat.1000 ... cat.1499} in {@code validation/cats/}, {@code cat.1500 ... cat.1999} in
 * {@code test/cats/}, the same for dogs) when none is skipped. The archive holds files that are empty or no image; each
 * is reported by name and skipped, and the next readable photo takes its place. Files are copied as they are, not
 * re-encoded. Entries other than {@code PetImages/{Cat,Dog}/<number>.jpg} (e.g. {@code Thumbs.db}) are ignored.
 * The folder is built beside the destination and moved into place whole, so a stopped build leaves nothing half done.
 */
public final class PetImages {

    /** Photos per class in the lecture's train, validation and test parts. */
    public static final int TRAIN = 1000;
    public static final int VALIDATION = 500;
    public static final int TEST = 500;

    private static final Pattern PHOTO = Pattern.compile("PetImages/(Cat|Dog)/(\\d+)\\.jpg");

    private PetImages() {}

    /**
     * Command line for {@code ./kit fetch cats-and-dogs}: {@code PetImages ZIP DEST} builds {@code DEST} from the
     * downloaded archive, printing one line per skipped file and one at the end; a problem is one line on standard
     * error and exit status 1.
     */
    public static void main(String[] args) {
        int status = run(args, System.out::println, System.err::println);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** What {@link #main} does, returning the exit status instead of exiting. */
    static int run(String[] args, Consumer<String> out, Consumer<String> err) {
        if (args.length != 2) {
            err.accept("Usage: PetImages ZIP DEST, e.g. PetImages kagglecatsanddogs_5340.zip ~/.coursekit/datasets/cats_and_dogs_small");
            return 2;
        }
        try {
            build(Path.of(args[0]), Path.of(args[1]), out);
            return 0;
        } catch (DatasetException e) {
            err.accept(e.getMessage());
            return 1;
        }
    }

    /**
     * Writes the lecture's layout with 1,000 / 500 / 500 photos per class from {@code zipFile} into {@code destFolder},
     * which must not exist yet; {@code report} gets one line per skipped file and one at the end.
     *
     * @throws DatasetException naming the file when the archive is missing or not in PetImages' layout, when a class
     *     has too few readable photos, or when the destination already exists
     */
    public static void build(Path zipFile, Path destFolder, Consumer<String> report) {
        build(zipFile, destFolder, report, TRAIN, VALIDATION, TEST);
    }

    /** Like {@link #build(Path, Path, Consumer)} with other numbers of photos per class in each part. */
    public static void build(Path zipFile, Path destFolder, Consumer<String> report, int train, int validation, int test) {
        if (train < 1 || validation < 0 || test < 0) {
            throw new IllegalArgumentException("Photos per class must be at least 1 to train and not negative to validate "
                    + "and test, but got train=" + train + ", validation=" + validation + ", test=" + test + ".");
        }
        if (Files.exists(destFolder)) {
            throw new DatasetException(destFolder + " already exists; remove it to build it again from " + zipFile + ".");
        }
        if (!Files.isRegularFile(zipFile)) {
            throw new DatasetException(zipFile + " is not a file; download Microsoft's kagglecatsanddogs zip and pass its path.");
        }
        Path parent = destFolder.toAbsolutePath().getParent();
        Path staging;
        try {
            Files.createDirectories(parent);
            staging = Files.createTempDirectory(parent, "." + destFolder.getFileName() + ".partial-");
        } catch (IOException e) {
            throw new DatasetException(parent + " cannot hold the new folder (" + e + "); check that it is writable.", e);
        }
        boolean moved = false;
        try (ZipFile zip = new ZipFile(zipFile.toFile())) {
            Map<String, TreeMap<Integer, ZipEntry>> classes = photos(zip, zipFile);
            int skipped = 0;
            for (Map.Entry<String, TreeMap<Integer, ZipEntry>> entry : classes.entrySet()) {
                skipped += writeClass(zip, entry.getKey(), entry.getValue(), staging, report, new int[] {train, validation, test});
            }
            Files.move(staging, destFolder, StandardCopyOption.ATOMIC_MOVE);
            moved = true;
            report.accept(String.format(Locale.ROOT, "Wrote %,d / %,d / %,d photos per class (cats, dogs) to %s; skipped %d "
                    + "unreadable file%s.", train, validation, test, destFolder, skipped, skipped == 1 ? "" : "s"));
        } catch (ZipException e) {
            throw new DatasetException(zipFile + " is not a readable zip archive (" + e.getMessage() + "); download it again.", e);
        } catch (IOException e) {
            throw new DatasetException(zipFile + " cannot be read or " + destFolder + " written (" + e + ").", e);
        } finally {
            if (!moved) {
                deleteTree(staging);
            }
        }
    }

    /** The numbered photos of each class, {@code cats} then {@code dogs}, in numeric order. */
    private static Map<String, TreeMap<Integer, ZipEntry>> photos(ZipFile zip, Path zipFile) {
        Map<String, TreeMap<Integer, ZipEntry>> classes = new TreeMap<>();
        classes.put("cats", new TreeMap<>());
        classes.put("dogs", new TreeMap<>());
        zip.stream().forEach(entry -> {
            Matcher m = PHOTO.matcher(entry.getName());
            if (!entry.isDirectory() && m.matches() && m.group(2).length() < 9) {
                classes.get(m.group(1).equals("Cat") ? "cats" : "dogs").put(Integer.parseInt(m.group(2)), entry);
            }
        });
        for (Map.Entry<String, TreeMap<Integer, ZipEntry>> entry : classes.entrySet()) {
            if (entry.getValue().isEmpty()) {
                String folder = entry.getKey().equals("cats") ? "Cat" : "Dog";
                throw new DatasetException(zipFile + " has no PetImages/" + folder + "/<number>.jpg entries; it is not Microsoft's "
                        + "Kaggle Cats and Dogs archive, or not all of it, so download kagglecatsanddogs_5340.zip again.");
            }
        }
        return classes;
    }

    /** Copies the first readable photos of one class into the parts; returns how many it skipped. */
    private static int writeClass(ZipFile zip, String className, TreeMap<Integer, ZipEntry> entries, Path staging,
            Consumer<String> report, int[] counts) throws IOException {
        String prefix = className.substring(0, 3);
        List<Path> folders = new ArrayList<>();
        for (String part : CatsAndDogs.PARTS) {
            folders.add(Files.createDirectories(staging.resolve(part).resolve(className)));
        }
        int needed = counts[0] + counts[1] + counts[2];
        int written = 0;
        int skipped = 0;
        for (Map.Entry<Integer, ZipEntry> entry : entries.entrySet()) {
            if (written == needed) {
                break;
            }
            int part = written < counts[0] ? 0 : written < counts[0] + counts[1] ? 1 : 2;
            Path target = folders.get(part).resolve(prefix + "." + entry.getKey() + ".jpg");
            try (InputStream in = zip.getInputStream(entry.getValue())) {
                Files.copy(in, target);
            }
            String problem = problem(target);
            if (problem != null) {
                Files.delete(target);
                report.accept("Skipping " + entry.getValue().getName() + ": " + problem + ".");
                skipped++;
            } else {
                written++;
            }
        }
        if (written < needed) {
            throw new DatasetException(String.format(Locale.ROOT, "The archive has only %,d readable %s photos, but %,d are "
                    + "needed (%d / %d / %d); download the whole archive again.", written, className, needed,
                    counts[0], counts[1], counts[2]));
        }
        return skipped;
    }

    /** Why {@code file} is not a readable photo, or null when it decodes completely. */
    private static String problem(Path file) throws IOException {
        if (Files.size(file) == 0) {
            return "it is empty (0 bytes)";
        }
        try {
            PhotoDecoder.decode(file, 1, 1);
            return null;
        } catch (DatasetException e) {
            return "it is not a readable image";
        }
    }

    /** Removes the unfinished folder; it is hidden, so one that cannot be removed is harmless, and the error that stopped the build matters more. */
    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            System.err.println("Could not remove the unfinished folder " + dir + " (" + e.getMessage() + "); delete it by hand.");
        }
    }
}
