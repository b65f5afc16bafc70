package coursekit.cl;

/**
 * The continual-learning strategies by Avalanche's names, each a {@link Strategy} for
 * {@link ContinualTrainer#run}: fine-tuning, the two rehearsal bounds, replay, LwF, iCaRL, EWC, SI, CWR* and AR1.
 */
public final class Strategies {

    /** How iCaRL chooses the exemplars of a class. */
    public enum Selection {
        /** Herding on L2-normalised features ({@link Herding#select}), as in the paper. */
        HERDING,
        /** Uniformly at random, the paper's ablation. */
        RANDOM
    }

    /**
     * The strategies that train with a head per task, as a sentence names them: each image, exemplars and earlier
     * experiences' images included, is trained and tested on its own task's head. CWR* and AR1 are left out: they
     * consolidate the rows of one output layer that every class shares, each class against all the others.
     */
    static final String TASK_INCREMENTAL = "naive, joint, cumulative, replay, lwf, icarl, ewc or si";

    private Strategies() {}

    /** Fine-tuning on each experience in turn, nothing against forgetting: the lower bound. */
    public static Strategy naive() {
        return Strategy.of("Naive").supportingTaskIncremental();
    }

    /**
     * The offline upper bound: after each experience, a fresh network trained on the training data
     * of every experience so far.
     */
    public static Strategy joint() {
        return Strategy.of("Joint", () -> new Rehearsal(true)).supportingTaskIncremental();
    }

    /** Each experience trains the same network on all training data so far (no memory limit). */
    public static Strategy cumulative() {
        return Strategy.of("Cumulative", () -> new Rehearsal(false)).supportingTaskIncremental();
    }

    /**
     * Replay of a class-balanced memory of at most {@code memorySize} images chosen at random; with a head per task,
     * each stored image trains on its own task's head.
     */
    public static Strategy replay(int memorySize) {
        checkMemory(memorySize);
        return Strategy.of("Replay (" + memorySize + ")", () -> new Replay(memorySize)).supportingTaskIncremental();
    }

    /**
     * Learning without Forgetting: cross-entropy on the new images plus {@code lambda} times the
     * distillation loss at {@code temperature} on the old classes (the paper uses T = 2); on a
     * task-incremental scenario, on each earlier task's head.
     */
    public static Strategy lwf(double lambda, double temperature) {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("LwF's weight must be a number of at least 0, but got lambda=" + lambda + ".");
        }
        return Strategy.of("LwF", () -> new LearningWithoutForgetting(lambda, temperature)).supportingTaskIncremental();
    }

    /**
     * iCaRL with a total memory of {@code memorySize} exemplars (the paper's K), chosen by
     * {@code selection}, classified by the nearest mean of exemplars. With a head per task the old tasks' heads are
     * distilled, and the nearest mean is taken among the classes of the image's task.
     */
    public static Strategy icarl(int memorySize, Selection selection) {
        checkMemory(memorySize);
        String name = "iCaRL " + (selection == Selection.HERDING ? "herding" : "random") + " (" + memorySize + ")";
        return Strategy.of(name, () -> new Icarl(memorySize, selection)).supportingTaskIncremental();
    }

    /**
     * Elastic Weight Consolidation with penalty weight {@code lambda}, the Fisher diagonal of each
     * experience estimated on 500 of its images.
     */
    public static Strategy ewc(double lambda) {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("EWC's weight must be a number of at least 0, but got lambda=" + lambda + ".");
        }
        return Strategy.of("EWC", () -> new ElasticWeightConsolidation(lambda, 500)).supportingTaskIncremental();
    }

    /**
     * Synaptic Intelligence with penalty strength {@code c} and damping {@code xi}: each weight's importance
     * summed along its training path, no extra pass over the data.
     */
    public static Strategy si(double c, double xi) {
        checkSi("SI", c, xi);
        return Strategy.of("SI", () -> new SynapticIntelligence(c, xi)).supportingTaskIncremental();
    }

    /**
     * CWR* (Maltoni and Lomonaco, 2019, https://arxiv.org/abs/1806.08568): the output layer's rows are kept apart
     * as consolidated weights, each experience trains its classes' rows from them (new classes from zero) and folds
     * the result back in ({@link ConsolidatedWeights}); the layers below train on the first experience only.
     */
    public static Strategy cwrStar() {
        return Strategy.of("CWR*", () -> new CopyWeightsWithReinit(true, null));
    }

    /**
     * AR1 (Maltoni and Lomonaco, 2019): CWR* on the output layer, while the layers below it keep training under
     * Synaptic Intelligence of strength {@code c} and damping {@code xi}.
     */
    public static Strategy ar1(double c, double xi) {
        checkSi("AR1", c, xi);
        return Strategy.of("AR1", () -> new CopyWeightsWithReinit(false, null), () -> SynapticIntelligence.onBody(c, xi, null));
    }

    /**
     * AR1 with latent replay (Pellegrini et al., 2020, https://arxiv.org/abs/1912.01100): a memory of at most
     * {@code memorySize} activations of layer {@code latentLayer}, replayed through the layers above it; from the
     * second experience on that layer and those below it are frozen, SI holds the layers between it and the output
     * layer, and CWR* the output layer.
     */
    public static Strategy ar1(double c, double xi, int memorySize, String latentLayer) {
        checkSi("AR1", c, xi);
        checkMemory(memorySize);
        if (latentLayer == null || latentLayer.isBlank()) {
            throw new IllegalArgumentException("Latent replay needs the name of the layer whose activations it stores, e.g. \"re_lu\", "
                    + "but got latentLayer=" + latentLayer + ".");
        }
        return Strategy.of("AR1 latent replay (" + memorySize + ")", () -> {
            LatentReplay replay = new LatentReplay(memorySize, latentLayer);
            return new PluginChain(replay, new CopyWeightsWithReinit(false, replay), SynapticIntelligence.onBody(c, xi, latentLayer));
        });
    }

    private static void checkSi(String method, double c, double xi) {
        if (!(c >= 0) || Double.isInfinite(c) || !(xi > 0) || Double.isInfinite(xi)) {
            throw new IllegalArgumentException(method + " needs a strength c of at least 0 and a damping xi above 0, but got c=" + c + ", xi=" + xi + ".");
        }
    }

    private static void checkMemory(int memorySize) {
        if (memorySize < 1) {
            throw new IllegalArgumentException("The memory must hold at least one image, but got memorySize=" + memorySize + ".");
        }
    }
}
