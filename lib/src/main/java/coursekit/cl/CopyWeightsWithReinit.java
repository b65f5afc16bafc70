package coursekit.cl;

import ai.djl.ndarray.NDArray;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * CWR* (Copy Weights with Re-init, Maltoni and Lomonaco, 2019, https://arxiv.org/abs/1806.08568) on the output
 * layer: before each experience the layer is set to the consolidated rows of the experience's classes (zeros for
 * new classes and for every class not in the experience), so training starts each class from what was
 * consolidated and cannot disturb the others; after it the trained rows are folded into the consolidated ones
 * ({@link ConsolidatedWeights}, one per parameter: the weight and the bias), and the network answers with those.
 * Alone (CWR*) the layers below the output layer train on the first experience only; in AR1 they keep training
 * under Synaptic Intelligence. With latent replay, the replayed activations count among each class's patterns and
 * bring their classes into the experience, as in the authors' code.
 */
final class CopyWeightsWithReinit implements Plugin {

    private final boolean freezeBody;
    private final LatentReplay replay;
    private List<NDArray> head;
    private List<ConsolidatedWeights> consolidated;
    private long[] counts;

    /**
     * @param freezeBody whether the layers below the output layer stop training after the first experience (CWR*)
     * @param replay the latent replay whose stored activations train beside each experience, or null
     */
    CopyWeightsWithReinit(boolean freezeBody, LatentReplay replay) {
        this.freezeBody = freezeBody;
        this.replay = replay;
    }

    @Override
    public void beforeExperience(ExperienceStart start) {
        head = start.headWeights();
        if (consolidated == null) {
            consolidated = new ArrayList<>();
            for (NDArray parameter : head) {
                consolidated.add(new ConsolidatedWeights(units(parameter), (int) (parameter.size() / units(parameter))));
            }
        }
        if (freezeBody && start.index() > 0) {
            start.freezeUpTo(null);
        }
        int units = consolidated.get(0).units();
        counts = new long[units];
        for (int label : start.experienceData().labels()) {
            counts[label]++;
        }
        if (replay != null) {
            long[] replayed = replay.classCounts(units);
            for (int j = 0; j < units; j++) {
                counts[j] += replayed[j];
            }
        }
        for (int p = 0; p < head.size(); p++) {
            head.get(p).set(FloatBuffer.wrap(consolidated.get(p).start(counts)));
        }
    }

    @Override
    public void afterExperience(ExperienceEnd end) {
        for (int p = 0; p < head.size(); p++) {
            consolidated.get(p).consolidate(head.get(p).toFloatArray(), counts);
            head.get(p).set(FloatBuffer.wrap(consolidated.get(p).consolidated()));
        }
    }

    /** The consolidated values of output-layer parameter {@code p} (0 the weight, 1 the bias), row after row. */
    float[] consolidated(int p) {
        return consolidated.get(p).consolidated();
    }

    /** The units of the output layer, the first axis of each of its parameters; a layer with rows per class is required. */
    private static int units(NDArray parameter) {
        if (parameter.getShape().dimension() < 1 || parameter.getShape().dimension() > 2) {
            throw new IllegalArgumentException("CWR* needs an output layer of one row of weights per class (a dense layer), but its "
                    + "parameter has shape " + parameter.getShape() + ".");
        }
        return (int) parameter.getShape().get(0);
    }
}
