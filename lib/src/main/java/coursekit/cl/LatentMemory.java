package coursekit.cl;

import java.util.Arrays;
import java.util.Random;

/**
 * The memory of latent replay (Pellegrini, Graffieti, Lomonaco and Maltoni, 2020, "Latent replay for real-time
 * continual learning", https://arxiv.org/abs/1912.01100): at most {@code budget} stored activations of one layer,
 * each with its label. After experience i (from 0) it takes {@code budget / (i + 1)} activations of that
 * experience, drawn at random: they fill the free places first, then replace stored ones chosen at random, so
 * every experience keeps about an equal share, as the authors' code does (github.com/vlomonaco/ar1-pytorch,
 * {@code ar1star_lat_replay.py}).
 */
public final class LatentMemory {

    private final int budget;
    private float[][] rows = new float[0][];
    private int[] labels = new int[0];

    /** An empty memory for at most {@code budget} activations. */
    public LatentMemory(int budget) {
        if (budget < 1) {
            throw new IllegalArgumentException("A latent memory needs room for at least one activation, but got budget=" + budget + ".");
        }
        this.budget = budget;
    }

    /** Activations stored now. */
    public int size() {
        return rows.length;
    }

    /** How many activations experience {@code index} (from 0) may add out of {@code available}: {@code budget / (index + 1)}, at most all. */
    public int share(int index, int available) {
        return Math.min(budget / (index + 1), available);
    }

    /**
     * Stores {@code added} (one flattened activation per row, all as wide as those stored) with their labels:
     * into the free places first, then over stored activations chosen with {@code random}.
     */
    public void add(float[][] added, int[] addedLabels, Random random) {
        if (added.length != addedLabels.length || added.length > budget) {
            throw new IllegalArgumentException("The memory takes at most " + budget + " activations with one label each, but got "
                    + added.length + " activations and " + addedLabels.length + " labels.");
        }
        int free = Math.min(budget - rows.length, added.length);
        int kept = rows.length;
        rows = Arrays.copyOf(rows, kept + free);
        labels = Arrays.copyOf(labels, kept + free);
        int[] replaced = Herding.random(kept, added.length - free, random);
        for (int n = 0; n < added.length; n++) {
            int at = n < free ? kept + n : replaced[n - free];
            rows[at] = added[n].clone();
            labels[at] = addedLabels[n];
        }
    }

    /** Stored activation {@code i}, flattened. */
    public float[] row(int i) {
        return rows[i];
    }

    /** The label of stored activation {@code i}. */
    public int label(int i) {
        return labels[i];
    }

    /** How many stored activations each of the classes {@code 0..units-1} has. */
    public long[] classCounts(int units) {
        long[] counts = new long[units];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }
}
