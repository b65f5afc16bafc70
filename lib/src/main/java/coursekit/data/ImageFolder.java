package coursekit.data;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
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
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

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
 * the three channels and an alpha channel is dropped. It is then resized to the target size with bilinear
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
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("The target size must be positive, but got height=" + height
                    + ", width=" + width + ".");
        }
        List<Path> classFolders = classFolders(root);
        List<String> classNames = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (Path folder : classFolders) {
            List<Path> images = imageFiles(folder);
            classNames.add(folder.getFileName().toString());
            for (Path image : images) {
                files.add(image);
                labels.add(classNames.size() - 1);
            }
        }
        byte[] pixels = decodeAll(root, files, height, width);
        int[] labelArray = labels.stream().mapToInt(Integer::intValue).toArray();
        return ImageSet.wrap(pixels, labelArray, height, width, 3, classNames);
    }

    /**
     * Decodes the given image files, in parallel and in this order, as {@code height x width} RGB images with the
     * labels given: for datasets whose layout says more than one folder per class (e.g. CORe50's sessions).
     *
     * @param root the folder the files come from, named in the message when there are too many
     * @throws DatasetException when an image cannot be decoded
     */
    public static ImageSet load(Path root, List<Path> files, int[] labels, List<String> classNames, int height, int width) {
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("The target size must be positive, but got height=" + height
                    + ", width=" + width + ".");
        }
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
        BufferedImage image = read(file);
        byte[] rgb = toRgb(image);
        if (image.getHeight() == height && image.getWidth() == width) {
            return rgb;
        }
        return Resize.bilinear(rgb, 1, image.getHeight(), image.getWidth(), 3, height, width);
    }

    /**
     * Reads with an explicit ImageReader rather than {@code ImageIO.read}, because the JPEG decoder reports a
     * truncated file only as a warning and would otherwise return an image padded with grey.
     */
    private static BufferedImage read(Path file) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw corrupt(file, "no image decoder recognises its content");
            }
            ImageReader reader = readers.next();
            List<String> warnings = new ArrayList<>();
            try {
                reader.setInput(in, true, true);
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                BufferedImage image = reader.read(0);
                for (String warning : warnings) {
                    if (warning.toLowerCase(Locale.ROOT).contains("truncated")) {
                        throw corrupt(file, warning);
                    }
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // Decoders throw unchecked exceptions (IndexOutOfBounds, IllegalArgument) on some malformed files.
            if (e instanceof DatasetException de) {
                throw de;
            }
            throw corrupt(file, e.toString());
        }
    }

    private static DatasetException corrupt(Path file, String detail) {
        return new DatasetException(file + " cannot be decoded as an image (" + detail + "); it is truncated or "
                + "corrupt, so replace it with a good copy or remove it.");
    }

    /** HWC RGB bytes of any decoded image. */
    private static byte[] toRgb(BufferedImage image) {
        int h = image.getHeight();
        int w = image.getWidth();
        byte[] out = new byte[h * w * 3];
        if (image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY) {
            grayToRgb(image, out);
            return out;
        }
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        for (int p = 0; p < argb.length; p++) {
            out[3 * p] = (byte) (argb[p] >> 16);
            out[3 * p + 1] = (byte) (argb[p] >> 8);
            out[3 * p + 2] = (byte) argb[p];
        }
        return out;
    }

    /**
     * Copies stored grey levels, because {@code getRGB} treats Java's grey colour space as linear and would
     * brighten them (128 becomes 188), which no other image library does.
     */
    private static void grayToRgb(BufferedImage image, byte[] out) {
        Raster raster = image.getRaster();
        int bits = image.getColorModel().getComponentSize(0);
        int max = (1 << bits) - 1;
        int w = image.getWidth();
        int[] row = new int[w];
        for (int y = 0; y < image.getHeight(); y++) {
            raster.getSamples(0, y, w, 1, 0, row);
            for (int x = 0; x < w; x++) {
                int value = bits == 8 ? row[x] : Math.round(row[x] * 255f / max);
                int p = 3 * (y * w + x);
                out[p] = out[p + 1] = out[p + 2] = (byte) value;
            }
        }
    }

    private static DatasetException unreadableFolder(Path path, IOException e) {
        return new DatasetException(path + " cannot be read (" + e + "); check that it exists and is readable.", e);
    }
}
