package coursekit.lab;

import coursekit.Kit;
import coursekit.data.Datasets;
import coursekit.data.ImageSet;
import coursekit.data.Split;
import coursekit.io.AtomicFiles;
import coursekit.model.Network;
import coursekit.plot.Plots;
import coursekit.train.Evaluation;
import coursekit.train.History;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What every lab does around its experiment: reads the options all labs share ({@code --seed},
 * {@code --out}, {@code --data}, {@code --size}, {@code --epochs}, {@code --batch-size},
 * {@code --lr}), loads the data, prints the final accuracies, and leaves its files in
 * {@code --out}, including a {@code results.csv} with one row per trained model.
 */
final class LabSession {

    /** The options every lab takes. */
    static final Set<String> COMMON_OPTIONS = Set.of("seed", "out", "data", "size", "epochs", "batch-size", "lr");

    /** The value of {@code --data} that picks the embedded set even where the photos are present. */
    static final String EMBEDDED = "embedded";

    /** The lecture's image size for its own data ({@code cats_and_dogs_small}). */
    static final int LECTURE_SIZE = 150;

    private static final String RESULTS_HEADER =
            "lab,run,backbone,size,epochs,seed,train_accuracy,val_accuracy,best_val_accuracy,test_accuracy,seconds";

    private final String lab;
    private final LabArgs options;
    private final Path out;
    private final long seed;
    private final List<String> results = new ArrayList<>();
    private int size;
    private double lastTestAccuracy = Double.NaN;

    private LabSession(String lab, LabArgs options) {
        this.lab = lab;
        this.options = options;
        this.out = options.path("out", Path.of("out", lab));
        this.seed = options.integer("seed", 42);
    }

    /** Parses {@code args} against the common options plus {@code own}, and seeds everything random. */
    static LabSession start(String lab, String[] args, Set<String> own) {
        Set<String> known = new HashSet<>(COMMON_OPTIONS);
        known.addAll(own);
        LabSession session = new LabSession(lab, LabArgs.parse(lab, args, known));
        Kit.seed(session.seed);
        return session;
    }

    LabArgs options() {
        return options;
    }

    String lab() {
        return lab;
    }

    Path out() {
        return out;
    }

    long seed() {
        return seed;
    }

    /** Seeds everything random again, so that a part of a lab starts as it would in a lab of its own. */
    void reseed() {
        Kit.seed(seed);
    }

    /** {@code --epochs}, or {@code full}; at most two in quick mode. */
    int epochs(int full) {
        return epochs("epochs", full);
    }

    /** An epochs option other than {@code --epochs}; at most two in quick mode. */
    int epochs(String option, int full) {
        return Kit.epochs(options.integer(option, full));
    }

    /** The side of the square images the lab trains on, once {@link #data} has loaded them. */
    int size() {
        return size;
    }

    /**
     * The folder of the lecture's photos that {@link #data} reads: {@code --data DIR}, else
     * {@code cats_and_dogs_small/} in the data directory when it is there; {@code null} where the embedded set
     * stands in (no photos, or {@code --data embedded}).
     */
    Path photosFolder() {
        String data = options.string("data", null);
        if (data != null) {
            return data.equals(EMBEDDED) ? null : Path.of(data);
        }
        return Datasets.hasCatsAndDogs() ? Datasets.catsAndDogsFolder() : null;
    }

    /**
     * The lecture's photos at {@code --size} (default 150): from {@code --data DIR}, else from
     * {@code cats_and_dogs_small/} in the data directory when it is there; with neither (or with
     * {@code --data embedded}) the embedded cats and dogs split 1,000 / 500 / 500 with the session's seed and
     * upsampled to {@code --size} (default {@code embeddedSize}; {@code why} says why that size). Quick mode
     * keeps 32 training and 16 validation and test images, and decodes only those photos.
     */
    Split data(int embeddedSize, String why) {
        Split split;
        String data = options.string("data", null);
        Path root = photosFolder();
        if (root != null) {
            size = options.integer("size", LECTURE_SIZE);
            System.out.println("Reading the lecture's photos from " + root + " at " + size + "x" + size + " pixels"
                    + (data == null ? " (found in the data directory; --data embedded uses the embedded set instead)." : "."));
            split = Datasets.catsAndDogs(root, size);
        } else {
            size = options.integer("size", embeddedSize);
            ImageSet catsDogs = Datasets.catsDogs32();
            System.out.println("Using the embedded cats-dogs-32 set (2,000 CIFAR-10 images, 32x32), split 1,000 / 500 / 500 with seed "
                    + seed + " and upsampled to " + size + "x" + size + (why.isEmpty() ? "." : ": " + why)
                    + (data == null ? " (No photos at " + Datasets.catsAndDogsFolder() + "; ./kit fetch cats-and-dogs gets them.)" : ""));
            split = catsDogs.split(0.5, 0.25, 0.25, seed).resize(size, size);
        }
        if (Kit.quick()) {
            split = Kit.budget(split);
            System.out.println("Quick mode: training on " + split.train().size() + " images, validating and testing on "
                    + split.validation().size() + " each.");
        }
        System.out.println("Data: " + split);
        return split;
    }

    /**
     * Prints the final accuracies of {@code run} (training and validation after the last epoch, test
     * once at the end) and adds them to {@code results.csv}.
     */
    void report(String run, String backbone, History history, Evaluation test, double seconds) {
        System.out.println(String.format(Locale.ROOT,
                "Final (%s): training accuracy %.3f, validation accuracy %.3f (best %.3f), test accuracy %.3f; %.0f s.",
                run, history.last(History.ACCURACY), history.last(History.VAL_ACCURACY), history.max(History.VAL_ACCURACY),
                test.accuracy(), seconds));
        lastTestAccuracy = test.accuracy();
        results.add(String.format(Locale.ROOT, "%s,%s,%s,%d,%d,%d,%.4f,%.4f,%.4f,%.4f,%.1f", lab, run, backbone, size,
                history.epochs(), seed, history.last(History.ACCURACY), history.last(History.VAL_ACCURACY),
                history.max(History.VAL_ACCURACY), test.accuracy(), seconds));
        // Rewritten after every run, so a lab stopped half-way still leaves what it finished.
        AtomicFiles.write(out.resolve("results.csv"),
                (RESULTS_HEADER + "\n" + String.join("\n", results) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** The test accuracy that {@link #report} last printed. */
    double lastTestAccuracy() {
        return lastTestAccuracy;
    }

    /**
     * Says how far training accuracy is above validation accuracy at the end, the lecture's sign of
     * overfitting, and where validation loss bottomed out.
     */
    static void describeOverfitting(History history) {
        double gap = history.last(History.ACCURACY) - history.last(History.VAL_ACCURACY);
        int bestLoss = history.get(History.VAL_LOSS).indexOf(history.min(History.VAL_LOSS)) + 1;
        if (gap > 0.1) {
            System.out.println(String.format(Locale.ROOT,
                    "Training accuracy is %s above validation accuracy, and validation loss bottomed out at epoch %d of %d: "
                            + "the network memorises its training images, the overfitting the lecture describes.",
                    points(gap), bestLoss, history.epochs()));
        } else if (gap >= 0) {
            System.out.println(String.format(Locale.ROOT,
                    "Training accuracy is only %s above validation accuracy (lowest validation loss at epoch %d of %d): "
                            + "the curves stay close, no overfitting yet.",
                    points(gap), bestLoss, history.epochs()));
        } else {
            System.out.println(String.format(Locale.ROOT,
                    "Training accuracy is %s below validation accuracy (lowest validation loss at epoch %d of %d): "
                            + "training images are harder, being augmented and seen through dropout; no overfitting.",
                    points(-gap), bestLoss, history.epochs()));
        }
    }

    /** An accuracy difference in percentage points, e.g. "1 point" or "35 points". */
    private static String points(double difference) {
        long rounded = Math.round(difference * 100);
        return rounded + (rounded == 1 ? " point" : " points");
    }

    /** Writes {@code history.csv}, {@code curves.png} and the network's parameters into {@code dir}. */
    static void save(Path dir, History history, Network network, String parametersFile) {
        history.writeCsv(dir.resolve("history.csv"));
        Plots.history(history).save(dir.resolve("curves.png"));
        network.save(dir.resolve(parametersFile));
        System.out.println("Wrote " + dir.resolve("history.csv") + ", " + dir.resolve("curves.png") + " and "
                + dir.resolve(parametersFile) + ".");
    }

    /** Seconds since {@code startNanos} ({@link System#nanoTime()}). */
    static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
