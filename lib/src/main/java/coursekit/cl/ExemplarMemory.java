package coursekit.cl;

import coursekit.data.Batches;
import coursekit.data.ImageSet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A fixed budget of stored training images shared equally by the classes seen so far, as in iCaRL
 * (Rebuffi et al., 2017, Algorithms 4 and 5): when new classes arrive every class keeps the first
 * {@code budget / classes} of its exemplars, in the order they were chosen, and each new class gets
 * as many. It never holds more than its budget.
 *
 * <p>A class that comes again (a new-instances stream: CORe50's NI sessions, photo sessions) keeps its
 * quota and shares it among the experiences that brought it: each of its parts keeps the first
 * {@code quota / parts} of its exemplars (the earlier parts one more while the quota does not divide), and
 * the new experience's images fill the newest part. So the memory holds every session of a class, not only
 * the last one.
 */
public final class ExemplarMemory {

    /** Chooses {@code m} images of one class, most important first. */
    @FunctionalInterface
    public interface Selector {
        int[] select(ImageSet classImages, int m);
    }

    private final int budget;
    /** Per class, one part per experience that brought it, oldest first. */
    private final Map<Integer, List<ImageSet>> exemplars = new TreeMap<>();

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
        return exemplars.values().stream().flatMap(List::stream).mapToInt(ImageSet::size).sum();
    }

    /** The classes with exemplars, ascending. */
    public List<Integer> classes() {
        return new ArrayList<>(exemplars.keySet());
    }

    /** The exemplars of class {@code c}, experience by experience, most important first within each (empty set when none). */
    public ImageSet exemplars(int c) {
        List<ImageSet> parts = exemplars.get(c);
        if (parts == null) {
            throw new IllegalArgumentException("The memory holds no exemplars of class " + c + "; it holds classes " + classes() + ".");
        }
        return joined(parts);
    }

    /** How many exemplars of class {@code c} each experience that brought it keeps, oldest first. */
    public int[] partSizes(int c) {
        exemplars(c);
        return exemplars.get(c).stream().mapToInt(ImageSet::size).toArray();
    }

    /** All exemplars in one set, to train on beside a new experience; null when the memory is empty. */
    public ImageSet images() {
        return exemplars.isEmpty() ? null : joined(exemplars.values().stream().flatMap(List::stream).toList());
    }

    /**
     * Makes room for the classes {@code newClasses} of {@code data} and stores exemplars of each, chosen by
     * {@code selector} from that class's images of {@code data}; a class stored before keeps its older exemplars
     * beside the new ones, within its share of the budget.
     */
    public void add(ImageSet data, int[] newClasses, Selector selector) {
        TreeSet<Integer> after = new TreeSet<>(exemplars.keySet());
        for (int c : newClasses) {
            after.add(c);
        }
        int perClass = budget / after.size();
        if (perClass < 1) {
            throw new IllegalArgumentException("A memory of " + budget + " images cannot keep one exemplar for each of " + after.size()
                    + " classes; raise the memory size to at least " + after.size() + ".");
        }
        Set<Integer> arriving = new LinkedHashSet<>();
        for (int c : newClasses) {
            arriving.add(c);
        }
        for (Map.Entry<Integer, List<ImageSet>> entry : exemplars.entrySet()) {
            List<ImageSet> parts = entry.getValue();
            int count = parts.size() + (arriving.contains(entry.getKey()) ? 1 : 0);
            for (int k = 0; k < parts.size(); k++) {
                int keep = share(perClass, count, k);
                if (parts.get(k).size() > keep) {
                    parts.set(k, parts.get(k).subset(Batches.range(0, keep)));
                }
            }
        }
        for (int c : arriving) {
            List<ImageSet> parts = exemplars.computeIfAbsent(c, key -> new ArrayList<>());
            ImageSet classImages = data.subset(indicesOf(data, c));
            int m = Math.min(share(perClass, parts.size() + 1, parts.size()), classImages.size());
            parts.add(classImages.subset(selector.select(classImages, m)));
        }
    }

    /** Part {@code k}'s share of a class's {@code quota} among {@code parts} parts: equal, the earlier ones one more where it does not divide. */
    private static int share(int quota, int parts, int k) {
        return quota / parts + (k < quota % parts ? 1 : 0);
    }

    private static ImageSet joined(List<ImageSet> sets) {
        return sets.size() == 1 ? sets.get(0) : ImageSet.concat(sets);
    }

    private static int[] indicesOf(ImageSet data, int c) {
        return java.util.stream.IntStream.range(0, data.size()).filter(i -> data.label(i) == c).toArray();
    }
}
