package coursekit.cl;

import coursekit.data.Batches;
import coursekit.data.ImageSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A fixed budget of stored training images shared equally by the classes seen so far, as in iCaRL
 * (Rebuffi et al., 2017, Algorithms 4 and 5): when new classes arrive every class keeps the first
 * {@code budget / classes} of its exemplars, in the order they were chosen, and each new class gets
 * as many. It never holds more than its budget.
 */
public final class ExemplarMemory {

    /** Chooses {@code m} images of one class, most important first. */
    @FunctionalInterface
    public interface Selector {
        int[] select(ImageSet classImages, int m);
    }

    private final int budget;
    private final Map<Integer, ImageSet> exemplars = new TreeMap<>();

    /** An empty memory for at most {@code budget} images. */
    public ExemplarMemory(int budget) {
        if (budget < 1) {
            throw new IllegalArgumentException("An exemplar memory needs room for at least one image, but got budget=" + budget + ".");
        }
        this.budget = budget;
    }

    public int budget() {
        return budget;
    }

    /** Images stored now, over all classes. */
    public int size() {
        return exemplars.values().stream().mapToInt(ImageSet::size).sum();
    }

    /** The classes with exemplars, ascending. */
    public List<Integer> classes() {
        return new ArrayList<>(exemplars.keySet());
    }

    /** The exemplars of class {@code c}, most important first (empty set when none). */
    public ImageSet exemplars(int c) {
        ImageSet set = exemplars.get(c);
        if (set == null) {
            throw new IllegalArgumentException("The memory holds no exemplars of class " + c + "; it holds classes " + classes() + ".");
        }
        return set;
    }

    /** All exemplars in one set, to train on beside a new experience; null when the memory is empty. */
    public ImageSet images() {
        return exemplars.isEmpty() ? null : ImageSet.concat(new ArrayList<>(exemplars.values()));
    }

    /**
     * Makes room for the classes {@code newClasses} of {@code data} and stores exemplars of each,
     * chosen by {@code selector} from that class's images of {@code data}.
     */
    public void add(ImageSet data, int[] newClasses, Selector selector) {
        int classes = exemplars.size() + newClasses.length;
        int perClass = budget / classes;
        if (perClass < 1) {
            throw new IllegalArgumentException("A memory of " + budget + " images cannot keep one exemplar for each of " + classes
                    + " classes; raise the memory size to at least " + classes + ".");
        }
        exemplars.replaceAll((c, set) -> set.size() <= perClass ? set : set.subset(Batches.range(0, perClass)));
        for (int c : newClasses) {
            ImageSet classImages = data.subset(indicesOf(data, c));
            int m = Math.min(perClass, classImages.size());
            exemplars.put(c, classImages.subset(selector.select(classImages, m)));
        }
    }

    private static int[] indicesOf(ImageSet data, int c) {
        return java.util.stream.IntStream.range(0, data.size()).filter(i -> data.label(i) == c).toArray();
    }
}
