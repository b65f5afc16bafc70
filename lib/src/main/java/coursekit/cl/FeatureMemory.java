package coursekit.cl;

import coursekit.data.Batches;
import coursekit.train.FeatureSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A replay memory of stored features for a new-instances stream, where every experience brings the same classes:
 * its budget is shared equally by the experiences seen so far (not by the classes, as {@link ExemplarMemory} shares
 * it for new classes), and each experience's share is class-balanced and chosen at random. When an experience
 * arrives, every earlier one keeps the first {@code budget / experiences} of its samples, in the order they were
 * drawn, so the memory never holds more than its budget.
 */
public final class FeatureMemory {

    private final int budget;
    private final List<FeatureSet> kept = new ArrayList<>();

    /** An empty memory for at most {@code budget} samples. */
    public FeatureMemory(int budget) {
        if (budget < 1) {
            throw new IllegalArgumentException("A replay memory needs room for at least one sample, but got budget=" + budget + ".");
        }
        this.budget = budget;
    }

    public int budget() {
        return budget;
    }

    /** Samples stored now, over all experiences. */
    public int size() {
        return kept.stream().mapToInt(FeatureSet::size).sum();
    }

    /** Samples stored now from each experience, in the order the experiences came. */
    public int[] sizes() {
        return kept.stream().mapToInt(FeatureSet::size).toArray();
    }

    /** Everything stored, in one set, to train on beside a new experience; null when the memory is empty. */
    public FeatureSet features() {
        List<FeatureSet> nonEmpty = kept.stream().filter(set -> set.size() > 0).toList();
        return nonEmpty.isEmpty() ? null : FeatureSet.concat(nonEmpty);
    }

    /** Makes room for one more experience and stores its share of {@code experience}, drawn with {@code random}. */
    public void add(FeatureSet experience, Random random) {
        int share = budget / (kept.size() + 1);
        if (share < 1) {
            throw new IllegalArgumentException("A replay memory of " + budget + " samples cannot keep one sample of each of "
                    + (kept.size() + 1) + " experiences; give it a budget of at least " + (kept.size() + 1) + ".");
        }
        kept.replaceAll(set -> set.size() <= share ? set : set.subset(Batches.range(0, share)));
        int[] order = classBalancedOrder(experience, random);
        int[] chosen = new int[Math.min(share, order.length)];
        System.arraycopy(order, 0, chosen, 0, chosen.length);
        kept.add(experience.subset(chosen));
    }

    /**
     * The positions of {@code set} in an order whose every prefix is class-balanced: each class's samples shuffled,
     * then taken one class after another in turn (a class that runs out is skipped).
     */
    static int[] classBalancedOrder(FeatureSet set, Random random) {
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < set.numClasses(); c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < set.size(); i++) {
            byClass.get(set.label(i)).add(i);
        }
        byClass.forEach(members -> Collections.shuffle(members, random));
        int[] order = new int[set.size()];
        int next = 0;
        for (int round = 0; next < order.length; round++) {
            for (List<Integer> members : byClass) {
                if (round < members.size()) {
                    order[next++] = members.get(round);
                }
            }
        }
        return order;
    }
}
