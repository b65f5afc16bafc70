package coursekit.data;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Loads a folder of images sorted into one sub-folder per class, the layout of Keras's
 * <a href="https://keras.io/api/data_loading/image/">{@code image_dataset_from_directory}</a>:
 * <pre>
 * root/
 *   cat/  001.jpg  002.png ...
 *   dog/  001.jpg ...
 * </pre>
 *
 * <p>The rules, so that nothing is skipped without a word:
 * <ul>
 *   <li>Class names are the sub-folder names sorted alphabetically; label {@code i} is the {@code i}-th name.</li>
 *   <li>Images are {@code .png}, {@code .jpg}, {@code .jpeg}, {@code .bmp} and {@code .gif} files (any case),
 *       directly in a class folder or in folders below it, taken in sorted order (folder, then file name).</li>
 *   <li>Hidden files and folders, whose names start with {@code '.'} (e.g. {@code .DS_Store},
 *       {@code .ipynb_checkpoints}), are ignored, at the root and inside class folders.</li>
 *   <li>Anything else is an error that names the file: another file at the root or in a class folder,
 *       an empty class folder, an image that is truncated or corrupt.</li>
 * </ul>
 * Every image is converted to RGB, as Keras's {@code color_mode="rgb"} does: grayscale values are copied into
 * the three channels, an alpha channel is dropped and CMYK is converted as Pillow does. It is then resized to the target size with bilinear
 * interpolation. Images are decoded in parallel; the result's order does not depend on it.
 */
public final class ImageFolder {

    private static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "gif");
    private static final String EXTENSION_LIST = ".png, .jpg, .jpeg, .bmp or .gif";

    private ImageFolder() {}

    /**
     * Loads every image below {@code root}, labelled by its class folder, as {@code height x width} RGB images.
     *
     * @throws DatasetException when the layout breaks a rule above or an image cannot be decoded
     */
    public static ImageSet load(Path root, int height, int width) {
        checkSize(height, width);
        Listing listing = list(root);
        byte[] pixels = decodeAll(root, listing.files(), height, width);
        return ImageSet.wrap(pixels, listing.labels(), height, width, 3, listing.classNames());
    }

    /** The images below a root, in class-folder order, each with its class's index. */
    private record Listing(List<String> classNames, List<Path> files, int[] labels) {}

    private static Listing list(Path root) {
        List<String> classNames = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (Path folder : classFolders(root)) {
            classNames.add(folder.getFileName().toString());
            for (Path image : imageFiles(folder)) {
                files.add(image);
                labels.add(classNames.size() - 1);
            }
        }
        return new Listing(classNames, files, labels.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * Lists the images below {@code root} by the same rules as {@link #load(Path, int, int)} but decodes none of them
     * yet: the result is a photo set ({@link ImageSet#isInMemory()} false) that decodes an image at
     * {@code height x width} when a batch needs it and caches it up to a fixed total
     * ({@code -Dcoursekit.imageCacheMb}, default 512 MiB), so memory does not
     * grow with the folder. Each file's header is read now, so a file that is no image is refused here, naming it;
     * a truncated one is refused, naming it, when it is first decoded.
     *
     * @throws DatasetException when the layout breaks a rule above or a file is not an image
     */
    public static ImageSet photos(Path root, int height, int width) {
        checkSize(height, width);
        Listing listing = list(root);
        List<Path> files = listing.files();
        DatasetException[] errors = new DatasetException[files.size()];
        IntStream.range(0, files.size()).parallel().forEach(i -> {
            try {
                PhotoDecoder.checkHeader(files.get(i));
            } catch (DatasetException e) {
                errors[i] = e;
            }
        });
        for (DatasetException error : errors) {
            if (error != null) {
                throw error;
            }
        }
        return ImageSet.photos(new PhotoStore(files, height, width), listing.labels(), listing.classNames());
    }

    private static void checkSize(int height, int width) {
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("The target size must be positive, but got height=" + height
                    + ", width=" + width + ".");
        }
    }

    /**
     * Decodes the given image files, in parallel and in this order, as {@code height x width} RGB images with the
     * labels given: for datasets whose layout says more than one folder per class (e.g. CORe50's sessions).
     *
     * @param root the folder the files come from, named in the message when there are too many
     * @throws DatasetException when an image cannot be decoded
     */
    public static ImageSet load(Path root, List<Path> files, int[] labels, List<String> classNames, int height, int width) {
        checkSize(height, width);
        if (files.size() != labels.length) {
            throw new IllegalArgumentException("Each of the " + files.size() + " files needs a label, but got "
                    + labels.length + " labels.");
        }
        return ImageSet.wrap(decodeAll(root, files, height, width), labels.clone(), height, width, 3, classNames);
    }

    private static List<Path> classFolders(Path root) {
        if (!Files.exists(root)) {
            throw new DatasetException(root.toAbsolutePath() + " does not exist; pass the folder that holds one "
                    + "sub-folder of images per class.");
        }
        if (!Files.isDirectory(root)) {
            throw new DatasetException(root.toAbsolutePath() + " is a file, not a folder; pass the folder that holds "
                    + "one sub-folder of images per class.");
        }
        List<Path> folders = new ArrayList<>();
        for (Path entry : visibleEntries(root)) {
            if (!Files.isDirectory(entry)) {
                throw new DatasetException(entry + " is a file beside the class folders; move it out of " + root
                        + ", since every entry there must be a folder of one class's images.");
            }
            folders.add(entry);
        }
        if (folders.isEmpty()) {
            throw new DatasetException(root + " has no class folders; put each class's images in a sub-folder "
                    + "named after the class, e.g. " + root.resolve("cat") + ".");
        }
        folders.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return folders;
    }

    private static List<Path> visibleEntries(Path folder) {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
            for (Path entry : stream) {
                if (!isHidden(entry)) {
                    entries.add(entry);
                }
            }
        } catch (IOException e) {
            throw unreadableFolder(folder, e);
        }
        return entries;
    }

    /** The images of one class folder, in sorted order, after checking that every visible file is one. */
    private static List<Path> imageFiles(Path classFolder) {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(classFolder, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            return !dir.equals(classFolder) && isHidden(dir)
                                    ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if (!isHidden(file)) {
                                files.add(file);
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            throw unreadableFolder(file, e);
                        }
                    });
        } catch (IOException e) {
            throw unreadableFolder(classFolder, e);
        }
        // Keras's order: the files of a folder by name, the folder's sub-folders after, each sorted the same way.
        files.sort(Comparator.<Path, String>comparing(f -> relativeParent(classFolder, f))
                .thenComparing(f -> f.getFileName().toString()));
        for (Path file : files) {
            if (!EXTENSIONS.contains(extension(file))) {
                throw new DatasetException(file + " is not an image (" + EXTENSION_LIST + "); remove it from the "
                        + "class folder " + classFolder.getFileName() + ".");
            }
        }
        if (files.isEmpty()) {
            throw new DatasetException(classFolder + " is an empty class folder; add the images of class '"
                    + classFolder.getFileName() + "' to it or remove it.");
        }
        return files;
    }

    private static String relativeParent(Path classFolder, Path file) {
        Path parent = classFolder.relativize(file).getParent();
        return parent == null ? "" : parent.toString().replace('\\', '/');
    }

    private static boolean isHidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * Decodes in parallel straight into each image's own slot of the result, then reports the first failure
     * in file order, so that the same folder always gives the same pixels and the same message.
     */
    private static byte[] decodeAll(Path root, List<Path> files, int height, int width) {
        int imageBytes = height * width * 3;
        if ((long) files.size() * imageBytes > Integer.MAX_VALUE - 8) {
            throw new DatasetException(root + " holds " + files.size() + " images, too many for one Java array at "
                    + height + "x" + width + "; choose a smaller target size or load fewer images.");
        }
        byte[] pixels = new byte[files.size() * imageBytes];
        DatasetException[] errors = new DatasetException[files.size()];
        IntStream.range(0, files.size()).parallel().forEach(i -> {
            try {
                byte[] image = decode(files.get(i), height, width);
                System.arraycopy(image, 0, pixels, i * imageBytes, imageBytes);
            } catch (DatasetException e) {
                errors[i] = e;
            }
        });
        for (DatasetException error : errors) {
            if (error != null) {
                throw error;
            }
        }
        return pixels;
    }

    /** Decodes one image file into {@code height x width} RGB bytes. */
    static byte[] decode(Path file, int height, int width) {
        return PhotoDecoder.decode(file, height, width);
    }

    private static DatasetException unreadableFolder(Path path, IOException e) {
        return new DatasetException(path + " cannot be read (" + e + "); check that it exists and is readable.", e);
    }
}
