package coursekit.data;

import coursekit.io.KitHome;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The course's datasets in one place: the small ones embedded in the library, the full-size ones read from
 * the data directory, and readers for CIFAR and folders of images.
 *
 * <pre>{@code
 * var data   = Datasets.catsDogs32().split(0.5, 0.25, 0.25, 42);
 * var digits = Datasets.mnist();               // 12,000 train + 2,000 test, no download
 * var full   = Datasets.mnistFull();           // 60,000 + 10,000 after ./kit fetch mnist
 * }</pre>
 *
 * <p>Embedded sets are read from the classpath ({@code coursekit/datasets/<name>/}) once and then shared, which is
 * safe because an {@link ImageSet} never changes. Full-size sets are read anew on every call.
 */
public final class Datasets {

    /** The system property that names the data directory; it wins over {@link #DATA_ENV}. */
    public static final String DATA_PROPERTY = "coursekit.data";
    /** The environment variable that names the data directory. */
    public static final String DATA_ENV = "COURSEKIT_DATA";

    private static final String RESOURCE_ROOT = "coursekit/datasets/";
    private static final String CLASSES = "classes.txt";
    private static final String TRAIN_IMAGES = "train-images-idx3-ubyte.gz";
    private static final String TRAIN_LABELS = "train-labels-idx1-ubyte.gz";
    private static final String TEST_IMAGES = "t10k-images-idx3-ubyte.gz";
    private static final String TEST_LABELS = "t10k-labels-idx1-ubyte.gz";
    private static final List<String> MNIST_FILES = List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);
    private static final String CATS_DOGS_IMAGES = "images-idx4-ubyte.gz";
    private static final String CATS_DOGS_LABELS = "labels-idx1-ubyte.gz";

    /** The names MNIST publishes, used where a folder has no classes.txt (the official downloads have none). */
    private static final List<String> MNIST_CLASSES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    /** Fashion-MNIST's labels, from github.com/zalandoresearch/fashion-mnist. */
    private static final List<String> FASHION_MNIST_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress",
            "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private static final Map<String, Object> CACHE = new HashMap<>();
    private static ClassLoader resources = Datasets.class.getClassLoader();

    private Datasets() {}

    /**
     * 2,000 colour photos of cats and dogs at 32x32, classes {@code [cat, dog]}: the lecture's small-data
     * setting, embedded so that it runs offline. Split it with {@link ImageSet#split}.
     */
    public static ImageSet catsDogs32() {
        return cached("cats-dogs-32", () -> catsDogs32(embedded("cats-dogs-32")));
    }

    /** The cats-and-dogs set from a folder in the embedded layout, e.g. the repository's {@code datasets/cats-dogs-32}. */
    public static ImageSet catsDogs32(Path folder) {
        return catsDogs32(new Folder(folder));
    }

    /**
     * The lecture's cats and dogs: 2,000 / 1,000 / 1,000 photos at 150x150 from {@code cats_and_dogs_small/} in the
     * {@link #dataDirectory()} ({@code ./kit fetch cats-and-dogs} builds it); without that folder, it says so in one
     * line and returns the embedded {@link #catsDogs32()} split 1,000 / 500 / 500 (seed 42) and upsampled to 64x64,
     * the smallest size the lecture's network takes. The photos are decoded per batch, not all at once
     * ({@link ImageFolder#photos}), so taking a few with {@code budget(...)} decodes only those.
     */
    public static Split catsAndDogs() {
        return catsAndDogs(150, 64);
    }

    /**
     * Like {@link #catsAndDogs()}, with the photos at {@code photoSize} and the embedded stand-in upsampled to
     * {@code embeddedSize}, e.g. {@code catsAndDogs(150, 160)} for a MobileNet, which does better on the small
     * images blown up a little more.
     */
    public static Split catsAndDogs(int photoSize, int embeddedSize) {
        return CatsAndDogs.photosOrEmbedded(catsAndDogsFolder(), photoSize, embeddedSize);
    }

    /**
     * The lecture's layout in {@code folder} ({@code {train,validation,test}/{cats,dogs}/*.jpg}) at {@code size x size}.
     *
     * @throws DatasetException naming the folder or file when the folder is missing, a part or class folder is
     *     missing or empty, a third class folder is there, or a file is not an image
     */
    public static Split catsAndDogs(Path folder, int size) {
        return CatsAndDogs.photos(folder, size);
    }

    /** Where {@link #catsAndDogs()} looks for the photos: {@code cats_and_dogs_small/} in the {@link #dataDirectory()}. */
    public static Path catsAndDogsFolder() {
        return dataDirectory().resolve(CatsAndDogs.FOLDER);
    }

    /**
     * Whether the lecture's photos are in {@link #catsAndDogsFolder()}, so that {@link #catsAndDogs()} reads them
     * rather than the embedded stand-in; notebooks pick the wider MobileNet for the photos with it.
     */
    public static boolean hasCatsAndDogs() {
        return Files.isDirectory(catsAndDogsFolder());
    }

    /** A 12,000-image training and 2,000-image test subset of MNIST's handwritten digits, embedded. */
    public static TrainTest mnist() {
        return cached("mnist", () -> idxTrainTest(embedded("mnist"), MNIST_CLASSES));
    }

    /** MNIST from a folder holding its four IDX files (gzip or not) and, optionally, classes.txt. */
    public static TrainTest mnist(Path folder) {
        return idxTrainTest(new Folder(folder), MNIST_CLASSES);
    }

    /** A 12,000-image training and 2,000-image test subset of Zalando's Fashion-MNIST, embedded. */
    public static TrainTest fashionMnist() {
        return cached("fashion-mnist", () -> idxTrainTest(embedded("fashion-mnist"), FASHION_MNIST_CLASSES));
    }

    /** Fashion-MNIST from a folder holding its four IDX files (gzip or not) and, optionally, classes.txt. */
    public static TrainTest fashionMnist(Path folder) {
        return idxTrainTest(new Folder(folder), FASHION_MNIST_CLASSES);
    }

    /**
     * An embedded stand-in of CORe50's shape for the continual-learning labs: Fashion-MNIST's 10 classes as 10
     * categories, each as 5 "objects" in 5 fixed colours (red, yellow, green, blue, white), so 50 classes of 28x28 RGB
     * images, 12,000 for training and 2,000 for testing (240 and 40 per class; each Fashion-MNIST image in one class
     * only). Class {@code 5c + v} is category {@code c} in colour {@code v}, as CORe50's object {@code 5c + v + 1} is
     * one of category {@code c}'s. Built from {@link #fashionMnist()} without randomness.
     */
    public static TrainTest core50StandIn() {
        return cached("core50-stand-in", () -> Core50StandIn.of(fashionMnist()));
    }

    /**
     * All of MNIST (60,000 training and 10,000 test images) from {@code mnist/} in the {@link #dataDirectory()}.
     *
     * @throws DatasetException saying to run {@code ./kit fetch mnist} when the files are not there
     */
    public static TrainTest mnistFull() {
        return fullSet("mnist", "MNIST", MNIST_CLASSES);
    }

    /**
     * All of Fashion-MNIST (60,000 training and 10,000 test images) from {@code fashion-mnist/} in the
     * {@link #dataDirectory()}.
     *
     * @throws DatasetException saying to run {@code ./kit fetch fashion-mnist} when the files are not there
     */
    public static TrainTest fashionMnistFull() {
        return fullSet("fashion-mnist", "Fashion-MNIST", FASHION_MNIST_CLASSES);
    }

    /** CIFAR-10 from its extracted binary folder; see {@link CifarBinary#cifar10}. */
    public static TrainTest cifar10(Path folder) {
        return CifarBinary.cifar10(folder);
    }

    /** CIFAR-100 from its extracted binary folder, fine (100) or coarse (20) labels; see {@link CifarBinary#cifar100}. */
    public static TrainTest cifar100(Path folder, boolean fine) {
        return CifarBinary.cifar100(folder, fine);
    }

    /** A folder of images, one sub-folder per class, resized to {@code height x width}; see {@link ImageFolder}. */
    public static ImageSet imageFolder(Path root, int height, int width) {
        return ImageFolder.load(root, height, width);
    }

    /**
     * Where full-size datasets live: the system property {@value #DATA_PROPERTY}, else the environment variable
     * {@value #DATA_ENV}, else {@code ~/.coursekit/datasets}.
     */
    public static Path dataDirectory() {
        String value = System.getProperty(DATA_PROPERTY);
        if (value == null || value.isBlank()) {
            value = System.getenv(DATA_ENV);
        }
        if (value == null || value.isBlank()) {
            return KitHome.folder("datasets");
        }
        // A shell expands ~ but a -D option or a notebook's System.setProperty does not.
        if (value.equals("~") || value.startsWith("~/")) {
            return Path.of(KitHome.home() + value.substring(1));
        }
        return Path.of(value);
    }

    /** Lets tests read embedded datasets through another class loader; clears what was cached. */
    static synchronized void useResources(ClassLoader loader) {
        resources = loader;
        CACHE.clear();
    }

    /** Loads once per name; holding the lock while loading keeps two notebook threads from reading twice. */
    @SuppressWarnings("unchecked")
    private static synchronized <T> T cached(String name, Supplier<T> loader) {
        Object value = CACHE.get(name);
        if (value == null) {
            value = loader.get();
            CACHE.put(name, value);
        }
        return (T) value;
    }

    private static TrainTest fullSet(String name, String title, List<String> defaultClasses) {
        Path folder = dataDirectory().resolve(name);
        Folder source = new Folder(folder);
        for (String file : MNIST_FILES) {
            if (source.find(file) == null) {
                throw new DatasetException(folder.resolve(file) + " is missing, so the full " + title
                        + " set is not there; run ./kit fetch " + name + " to download it into " + folder
                        + ", or set " + DATA_ENV + " (or -D" + DATA_PROPERTY + ") to the folder that holds " + name + "/.");
            }
        }
        return idxTrainTest(source, defaultClasses);
    }

    private static ImageSet catsDogs32(Source source) {
        List<String> classes = source.classNames(null);
        return source.images(CATS_DOGS_IMAGES, CATS_DOGS_LABELS, classes);
    }

    private static TrainTest idxTrainTest(Source source, List<String> defaultClasses) {
        List<String> classes = source.classNames(defaultClasses);
        return new TrainTest(source.images(TRAIN_IMAGES, TRAIN_LABELS, classes),
                source.images(TEST_IMAGES, TEST_LABELS, classes));
    }

    private static Source embedded(String name) {
        return new Resources(resources, RESOURCE_ROOT + name + "/", name);
    }

    /** Where a dataset's files come from: the classpath or a folder. */
    private interface Source {
        ImageSet images(String imagesFile, String labelsFile, List<String> classNames);

        /** The names in classes.txt, else {@code defaults}; an error when both are missing. */
        List<String> classNames(List<String> defaults);
    }

    /** The files the library jar carries, copied there from the repository's datasets/ at build time. */
    private record Resources(ClassLoader loader, String prefix, String name) implements Source {

        @Override
        public ImageSet images(String imagesFile, String labelsFile, List<String> classNames) {
            try (InputStream images = open(imagesFile); InputStream labels = open(labelsFile)) {
                return Idx.readImages(images, prefix + imagesFile, labels, prefix + labelsFile, classNames);
            } catch (IOException e) {
                throw new DatasetException(prefix + imagesFile + " cannot be read from the classpath (" + e
                        + "); rebuild coursekit-lib.", e);
            }
        }

        @Override
        public List<String> classNames(List<String> defaults) {
            InputStream in = loader.getResourceAsStream(prefix + CLASSES);
            if (in == null && defaults != null) {
                return defaults;
            }
            try (InputStream stream = in == null ? open(CLASSES) : in) {
                return ClassNames.read(stream, prefix + CLASSES);
            } catch (IOException e) {
                throw new DatasetException(prefix + CLASSES + " cannot be read from the classpath (" + e
                        + "); rebuild coursekit-lib.", e);
            }
        }

        private InputStream open(String file) {
            InputStream in = loader.getResourceAsStream(prefix + file);
            if (in == null) {
                throw new DatasetException("The embedded dataset file " + prefix + file + " is not on the classpath; "
                        + "build coursekit-lib (mvn package) from a checkout that has datasets/" + name
                        + "/, or read that folder with the Datasets method that takes a Path.");
            }
            return in;
        }
    }

    /** A folder in the embedded layout; IDX files may also be unpacked, without {@code .gz}. */
    private record Folder(Path folder) implements Source {

        @Override
        public ImageSet images(String imagesFile, String labelsFile, List<String> classNames) {
            return Idx.readImages(require(imagesFile), require(labelsFile), classNames);
        }

        @Override
        public List<String> classNames(List<String> defaults) {
            Path file = folder.resolve(CLASSES);
            if (!Files.isRegularFile(file) && defaults != null) {
                return defaults;
            }
            return ClassNames.read(require(CLASSES));
        }

        /** The file, or its unpacked twin for a {@code .gz} name, or null. */
        Path find(String file) {
            Path path = folder.resolve(file);
            if (Files.isRegularFile(path)) {
                return path;
            }
            if (file.endsWith(".gz")) {
                Path unpacked = folder.resolve(file.substring(0, file.length() - 3));
                if (Files.isRegularFile(unpacked)) {
                    return unpacked;
                }
            }
            return null;
        }

        private Path require(String file) {
            Path path = find(file);
            if (path == null) {
                throw new DatasetException(folder.resolve(file) + " is missing; put the dataset's files in "
                        + folder.toAbsolutePath() + " or pass the folder that holds them.");
            }
            return path;
        }
    }
}
