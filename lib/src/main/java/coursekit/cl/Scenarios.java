package coursekit.cl;

import coursekit.augment.AffineTransform;
import coursekit.augment.FillMode;
import coursekit.data.Batches;
import coursekit.data.Datasets;
import coursekit.data.ImageSet;
import coursekit.data.TrainTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * The continual-learning benchmarks, in Avalanche's vocabulary: a dataset cut into a stream of experiences.
 *
 * <pre>{@code
 * var scenario = Scenarios.splitMnist(42);            // 5 experiences of 2 digits each
 * for (var e : scenario.stream()) { ... e.train() ... e.test() ... }
 * }</pre>
 *
 * <p>Class orders come from {@link Random} seeded with the given seed, so the same seed always gives the same
 * order here; they are not the orders Python's {@code numpy.random.seed(1993)} gives in the iCaRL code.
 */
public final class Scenarios {

    /** How the inputs of a new-instances scenario change from one experience to the next. */
    public enum Shift {
        /** Experience 0 keeps the images as they are; each later one rotates all of them by its own angle in [0, 180). */
        ROTATED,
        /** Each experience moves the pixels of all images by its own seeded permutation (Permuted MNIST). */
        PERMUTED
    }

    /** The classes of CORe50 (its 50 objects) and of its stand-in, which the Multi-Task-NC track cuts into 10 + 8 x 5. */
    static final int MULTI_TASK_NC_CLASSES = 50;

    private Scenarios() {}

    /**
     * Split-MNIST: the embedded MNIST's 10 digits in 5 experiences of 2, in a seeded order, one head for all
     * (class-incremental).
     */
    public static Scenario splitMnist(long seed) {
        return classIncremental("Split-MNIST", Datasets.mnist(), seededOrder(10, seed), 5, "seed " + seed);
    }

    /** Split-Fashion-MNIST: the embedded Fashion-MNIST's 10 classes in 5 experiences of 2, in a seeded order. */
    public static Scenario splitFashionMnist(long seed) {
        return classIncremental("Split-Fashion-MNIST", Datasets.fashionMnist(), seededOrder(10, seed), 5, "seed " + seed);
    }

    /**
     * The iCIFAR-100 protocol of iCaRL (Rebuffi et al., 2017, https://arxiv.org/abs/1611.07725): CIFAR-100's 100 fine
     * classes in a seeded order, cut into {@code experiences} experiences of equal size (10 x 10, 20 x 5, 5 x 20, ...).
     *
     * @param cifar100BinaryFolder {@code cifar-100-binary/} as extracted from CIFAR-100's binary archive, or the
     *     folder that holds it
     */
    public static Scenario icifar100(Path cifar100BinaryFolder, int experiences, long seed) {
        TrainTest data = Datasets.cifar100(cifar100BinaryFolder, true);
        return classIncremental("iCIFAR-100", data, seededOrder(data.numClasses(), seed), experiences, "seed " + seed);
    }

    /**
     * Cuts any labelled dataset into {@code experiences} class-incremental experiences of equal size in a seeded
     * class order. Labels are remapped so that experience {@code k} of {@code c} classes holds the network labels
     * {@code [k*c, (k+1)*c)}; {@link Scenario#classOrder()} maps them back.
     */
    public static Scenario classIncremental(TrainTest data, int experiences, long seed) {
        return classIncremental("Class-incremental", data, seededOrder(data.numClasses(), seed), experiences, "seed " + seed);
    }

    /**
     * Like {@link #classIncremental(TrainTest, int, long)} with a class order of your own: {@code classOrder[n]} is the
     * dataset label that becomes network label {@code n}. The order may leave classes out; those images are dropped.
     */
    public static Scenario classIncremental(TrainTest data, int[] classOrder, int experiences) {
        return classIncremental("Class-incremental", data, classOrder, experiences, "order " + Arrays.toString(classOrder));
    }

    /**
     * The task-incremental variant: the same seeded cut into experiences, but labels restart at 0 in each experience
     * and {@link Experience#taskLabel()} is {@code k}, so a network with one head per task knows which head to ask.
     */
    public static Scenario taskIncremental(TrainTest data, int experiences, long seed) {
        int[] sizes = equalSizes(data.numClasses(), experiences);
        return cut("Task-incremental", data, seededOrder(data.numClasses(), seed), sizes, "seed " + seed, true);
    }

    /**
     * The CLVision 2020 challenge's Multi-Task-NC track on the embedded stand-in for CORe50
     * ({@link Datasets#core50StandIn()}, Fashion-MNIST's 10 classes in 5 colours each): the 50 classes in a seeded order,
     * 10 in the first experience and 5 in each of the 8 others, every experience with its task label (0..8), which the
     * network is given at test time too. {@link Core50#multiTaskNc(long)} cuts the real CORe50 the same way.
     */
    public static Scenario multiTaskNc(long seed) {
        return multiTaskNc("Multi-Task-NC on the CORe50 stand-in", Datasets.core50StandIn(), seed);
    }

    /**
     * The Multi-Task-NC cut of a 50-class dataset, e.g. a smaller part of the stand-in
     * ({@code Kit.budget(Datasets.core50StandIn())}): 10 classes, then 8 x 5, each experience its own task.
     */
    public static Scenario multiTaskNc(TrainTest data, long seed) {
        return multiTaskNc("Multi-Task-NC", data, seed);
    }

    private static Scenario multiTaskNc(String title, TrainTest data, long seed) {
        if (data.numClasses() != MULTI_TASK_NC_CLASSES) {
            throw new IllegalArgumentException("The Multi-Task-NC track cuts " + MULTI_TASK_NC_CLASSES + " classes into 10, then 8 x 5, "
                    + "but the data has " + data.numClasses() + " classes; use Datasets.core50StandIn() or CORe50 (Core50.multiTaskNc).");
        }
        return cut(title, data, seededOrder(data.numClasses(), seed), firstThenEqual(data.numClasses(), 10, 5), "seed " + seed, true);
    }

    /**
     * A new-instances scenario: every experience brings all classes again, in images shifted as {@code shift} says,
     * each experience's training and test sets shifted alike. Angles and permutations come from {@code seed}.
     */
    public static Scenario newInstances(TrainTest data, int experiences, Shift shift, long seed) {
        Objects.requireNonNull(shift, "shift");
        if (experiences < 1) {
            throw new IllegalArgumentException("A scenario needs at least one experience, but got experiences=" + experiences + ".");
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[] all = identity(data.numClasses());
        List<Experience> stream = new ArrayList<>();
        List<String> shifts = new ArrayList<>();
        for (int k = 0; k < experiences; k++) {
            ImageSet train;
            ImageSet test;
            if (shift == Shift.ROTATED) {
                double degrees = k == 0 ? 0 : Math.round(random.nextDouble(180.0) * 10) / 10.0;
                AffineTransform rotation = AffineTransform.identity().theta(degrees);
                train = rotation.apply(data.train(), FillMode.CONSTANT);
                test = rotation.apply(data.test(), FillMode.CONSTANT);
                shifts.add(degrees + "°");
            } else {
                int[] permutation = seededOrder(data.train().height() * data.train().width(), random.nextLong());
                train = data.train().permutePixels(permutation);
                test = data.test().permutePixels(permutation);
            }
            stream.add(new Experience(k, all, 0, train, test));
        }
        String what = shift == Shift.ROTATED ? "Rotated" : "Permuted";
        String name = what + " new instances (" + experiences + " experiences of " + all.length + " classes, seed " + seed
                + (shifts.isEmpty() ? "" : ", angles " + shifts) + ")";
        return new Scenario(name, stream, all, false, data.train().classNames());
    }

    /**
     * Cuts {@code classOrder} into experiences of {@code sizes} classes, e.g. CORe50's NC protocol (10, then 8 x 5).
     * Class-incremental ({@code tasks} false): experience {@code k} holds the network labels after those of the
     * experiences before it, and task label 0. Task-incremental: its labels restart at 0 and its task label is {@code k}.
     *
     * @param title the benchmark's name, e.g. {@code Split-MNIST}
     * @param settings what follows the sizes in the name, e.g. {@code seed 42}
     */
    static Scenario cut(String title, TrainTest data, int[] classOrder, int[] sizes, String settings, boolean tasks) {
        checkOrder(classOrder, data.numClasses());
        if (Arrays.stream(sizes).sum() != classOrder.length || Arrays.stream(sizes).anyMatch(s -> s < 1)) {
            throw new IllegalArgumentException("Experience sizes " + Arrays.toString(sizes) + " must be positive and add up to the "
                    + classOrder.length + " classes of the order.");
        }
        List<String> names = networkNames(data, classOrder);
        List<Experience> stream = new ArrayList<>();
        int start = 0;
        for (int k = 0; k < sizes.length; k++) {
            int first = tasks ? start : 0;
            int[] mapping = unmapped(data.numClasses());
            int[] classes = new int[sizes[k]];
            for (int n = start; n < start + sizes[k]; n++) {
                mapping[classOrder[n]] = n - first;
                classes[n - start] = n - first;
            }
            List<String> setNames = tasks ? names.subList(start, start + sizes[k]) : names;
            stream.add(new Experience(k, classes, tasks ? k : 0, data.train().remap(mapping, setNames),
                    data.test().remap(mapping, setNames)));
            start += sizes[k];
        }
        boolean equal = Arrays.stream(sizes).allMatch(s -> s == sizes[0]);
        String sizesText = equal ? sizes.length + " x " + sizes[0] + " classes" : "classes " + Arrays.toString(sizes);
        return new Scenario(title + " (" + sizesText + ", " + settings + ")", stream, classOrder, tasks, names);
    }

    private static Scenario classIncremental(String title, TrainTest data, int[] classOrder, int experiences, String settings) {
        return cut(title, data, classOrder, equalSizes(classOrder.length, experiences), settings, false);
    }

    /**
     * {@code first} classes, then {@code perExperience} in each later experience, over {@code classes} classes: CORe50's
     * NC cut (10, then 8 x 5) and the Multi-Task-NC track's.
     */
    static int[] firstThenEqual(int classes, int first, int perExperience) {
        int rest = classes - first;
        if (first < 1 || perExperience < 1 || rest < 0 || rest % perExperience != 0) {
            throw new IllegalArgumentException("An NC cut must put " + classes + " classes into a first experience and "
                    + "equal later ones, but got firstClasses=" + first + ", classesPerExperience=" + perExperience + ".");
        }
        int[] sizes = new int[1 + rest / perExperience];
        Arrays.fill(sizes, perExperience);
        sizes[0] = first;
        return sizes;
    }

    /** The numbers {@code 0..n-1} shuffled by a {@link Random} with this seed. */
    static int[] seededOrder(int n, long seed) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, new Random(seed));
        return order.stream().mapToInt(Integer::intValue).toArray();
    }

    /** {@code experiences} equal sizes that add up to {@code classes}. */
    private static int[] equalSizes(int classes, int experiences) {
        if (experiences < 1 || experiences > classes || classes % experiences != 0) {
            throw new IllegalArgumentException("The number of experiences must divide the " + classes
                    + " classes into equal parts, but got experiences=" + experiences + "; try one of "
                    + divisors(classes) + ".");
        }
        int[] sizes = new int[experiences];
        Arrays.fill(sizes, classes / experiences);
        return sizes;
    }

    private static List<Integer> divisors(int n) {
        List<Integer> result = new ArrayList<>();
        for (int d = 1; d <= n; d++) {
            if (n % d == 0) {
                result.add(d);
            }
        }
        return result;
    }

    private static void checkOrder(int[] order, int numClasses) {
        boolean[] seen = new boolean[numClasses];
        if (order.length == 0) {
            throw new IllegalArgumentException("A class order needs at least one class, but got an empty one.");
        }
        for (int label : order) {
            if (label < 0 || label >= numClasses || seen[label]) {
                throw new IllegalArgumentException("A class order must name each of the dataset's labels 0.." + (numClasses - 1)
                        + " at most once, but " + Arrays.toString(order) + " has " + label + " out of range or twice.");
            }
            seen[label] = true;
        }
    }

    private static List<String> networkNames(TrainTest data, int[] order) {
        List<String> names = new ArrayList<>();
        for (int label : order) {
            names.add(data.train().classNames().get(label));
        }
        return names;
    }

    private static int[] unmapped(int n) {
        int[] mapping = new int[n];
        Arrays.fill(mapping, -1);
        return mapping;
    }

    static int[] identity(int n) {
        return Batches.range(0, n);
    }
}
