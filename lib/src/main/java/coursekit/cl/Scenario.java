package coursekit.cl;

import coursekit.data.ImageSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A seeded sequence of experiences over one dataset (Avalanche's "benchmark"): the train stream is the experiences'
 * training sets in order, the test stream their test sets. Make one with {@link Scenarios} or {@link Core50}.
 *
 * <p>A scenario holds images as bytes only (no NDArrays), so it needs no closing and costs what its images cost.
 */
public final class Scenario {

    private final String name;
    private final List<Experience> stream;
    private final int[] classOrder;
    private final boolean taskIncremental;
    private final List<String> classNames;
    private final ImageSet sharedTest;

    /**
     * @param classOrder {@code classOrder[networkLabel]} is the original dataset label
     * @param classNames the names of the network labels, over the whole stream
     */
    Scenario(String name, List<Experience> stream, int[] classOrder, boolean taskIncremental, List<String> classNames) {
        this(name, stream, classOrder, taskIncremental, classNames, null);
    }

    /**
     * A scenario whose experiences' test sets overlap (CORe50's NI and NIC, where later experiences bring classes seen
     * before): {@link #testUpTo} then takes the images of the classes seen so far from {@code sharedTest}, once each,
     * instead of joining the experiences' test sets.
     *
     * @param sharedTest the test images of all classes, labelled as the network sees them
     */
    Scenario(String name, List<Experience> stream, int[] classOrder, boolean taskIncremental, List<String> classNames,
            ImageSet sharedTest) {
        this.sharedTest = sharedTest;
        this.name = Objects.requireNonNull(name, "name");
        this.stream = List.copyOf(stream);
        this.classOrder = classOrder.clone();
        this.taskIncremental = taskIncremental;
        this.classNames = List.copyOf(classNames);
        if (this.stream.isEmpty()) {
            throw new IllegalArgumentException("A scenario needs at least one experience, but " + name + " has none.");
        }
        if (classOrder.length != classNames.size()) {
            throw new IllegalArgumentException("A scenario needs one class name per class in its order, but got "
                    + classNames.size() + " names for " + classOrder.length + " classes.");
        }
    }

    /** The scenario's name with its settings, e.g. {@code Split-MNIST (5 x 2 classes, seed 42)}. */
    public String name() {
        return name;
    }

    /** The experiences, in order. */
    public List<Experience> stream() {
        return stream;
    }

    /** Number of experiences. */
    public int size() {
        return stream.size();
    }

    /** Experience {@code i}, from 0. */
    public Experience experience(int i) {
        check(i);
        return stream.get(i);
    }

    /** All classes over the whole stream: the output units a class-incremental model needs. */
    public int numClasses() {
        return classOrder.length;
    }

    /** {@code classOrder()[networkLabel]} is the label the class had in the original dataset. */
    public int[] classOrder() {
        return classOrder.clone();
    }

    /**
     * True when labels restart at 0 in each experience and {@link Experience#taskLabel()} says which head
     * to use; false when one head sees every class of the stream.
     */
    public boolean taskIncremental() {
        return taskIncremental;
    }

    /** The image shape, channel first like {@link ImageSet#imageShape()}: {@code {channels, height, width}}. */
    public long[] imageShape() {
        return stream.get(0).train().imageShape();
    }

    /**
     * The names of the classes, indexed by network label; in a task-incremental scenario the index is the
     * global label {@code k * c + y} of class {@code y} of task {@code k} (see {@link #trainUpTo}).
     */
    public List<String> classNames() {
        return classNames;
    }

    /** The training sets of experiences {@code 0..i} joined, for the Joint and Cumulative strategies. */
    public ImageSet trainUpTo(int i) {
        return upTo(i, Experience::train);
    }

    /**
     * Experience {@code i}'s training set with the labels a network of all the stream's classes sees: as it is in a
     * class-incremental scenario; in a task-incremental one, class {@code y} of task {@code k} becomes the global label
     * of {@link #classNames()}, which is the output unit of that class in task {@code k}'s head.
     */
    public ImageSet trainWithGlobalLabels(int i) {
        check(i);
        Experience e = stream.get(i);
        return taskIncremental ? e.train().remap(globalLabels(e), classNames) : e.train();
    }

    /**
     * The test sets of experiences {@code 0..i} joined, to measure accuracy on everything seen so far; where
     * experiences share classes (CORe50's NI and NIC) each test image comes once. In a
     * task-incremental scenario one image set cannot carry task labels, so the union uses global labels:
     * class {@code y} of task {@code k} becomes the label whose name is at that place in {@link #classNames()}.
     */
    public ImageSet testUpTo(int i) {
        if (sharedTest == null) {
            return upTo(i, Experience::test);
        }
        check(i);
        int[] seen = new int[classOrder.length];
        java.util.Arrays.fill(seen, -1);
        for (int k = 0; k <= i; k++) {
            for (int c : stream.get(k).classes()) {
                seen[c] = c;
            }
        }
        return sharedTest.remap(seen, classNames);
    }

    private ImageSet upTo(int i, Function<Experience, ImageSet> part) {
        check(i);
        List<ImageSet> sets = new ArrayList<>();
        for (int k = 0; k <= i; k++) {
            Experience e = stream.get(k);
            ImageSet set = part.apply(e);
            if (taskIncremental) {
                set = set.remap(globalLabels(e), classNames);
            }
            sets.add(set);
        }
        return ImageSet.concat(sets);
    }

    /** Where each local label of a task-incremental experience sits among all the stream's classes. */
    private int[] globalLabels(Experience e) {
        int offset = 0;
        for (int k = 0; k < e.index(); k++) {
            offset += stream.get(k).numClasses();
        }
        int[] mapping = new int[e.numClasses()];
        for (int y = 0; y < mapping.length; y++) {
            mapping[y] = offset + y;
        }
        return mapping;
    }

    private void check(int i) {
        if (i < 0 || i >= stream.size()) {
            throw new IndexOutOfBoundsException("Experience " + i + " is outside this scenario's 0.." + (stream.size() - 1)
                    + " (" + name + ").");
        }
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(name).append(": class order ").append(Arrays.toString(classOrder));
        for (Experience e : stream) {
            s.append("\n  ").append(e);
        }
        return s.toString();
    }
}
