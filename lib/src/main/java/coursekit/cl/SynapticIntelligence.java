package coursekit.cl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Synaptic Intelligence (Zenke, Poole and Ganguli, 2017, https://arxiv.org/abs/1703.04200): while an
 * experience trains, each weight's contribution to the fall of the loss is summed along the path it takes,
 * {@code omega += -gradient * (weight after the step - weight before)}; at the experience's end each weight's
 * importance grows by {@code omega / (change over the experience squared + xi)}, and later experiences pay
 * {@code c * sum(importance * (weight - weight at the end of the last experience)^2)}. Unlike EWC it needs no
 * extra pass over the data: the importance comes from training itself. The gradient used is that of the whole
 * loss the step minimised, penalty included. {@link #onBody} keeps it to the layers below the output layer, as AR1 does.
 */
final class SynapticIntelligence implements Plugin {

    private final double c;
    private final double xi;
    private final NDManager manager = NDManager.newBaseManager(coursekit.engine.Devices.chosen());
    /** The weights SI holds, picked before each experience; null: every trainable weight of the step. */
    private final Function<ExperienceStart, List<NDArray>> scope;
    private List<NDArray> scoped;
    private List<NDArray> importance;
    private List<NDArray> anchor;
    private List<NDArray> omega;
    private List<NDArray> start;
    private List<NDArray> lastGradients;
    private List<NDArray> lastWeights;

    SynapticIntelligence(double c, double xi) {
        this(c, xi, null);
    }

    private SynapticIntelligence(double c, double xi, Function<ExperienceStart, List<NDArray>> scope) {
        this.c = c;
        this.xi = xi;
        this.scope = scope;
    }

    /** SI on the weights of the layers after {@code layerName} (null: from the first) below the output layer: AR1's body. */
    static SynapticIntelligence onBody(double c, double xi, String layerName) {
        return new SynapticIntelligence(c, xi, start -> start.bodyWeights(layerName));
    }

    @Override
    public void beforeExperience(ExperienceStart start) {
        if (scope != null) {
            scoped = scope.apply(start);
        }
    }

    @Override
    public NDArray loss(TrainingStep step, NDArray loss) {
        return importance == null || importance.isEmpty() ? loss : loss.add(Fisher.penalty(importance, anchor, weights(step), 2 * c));
    }

    @Override
    public void afterBackward(TrainingStep step) {
        List<NDArray> weights = weights(step);
        if (start == null) {
            start = copies(weights);
            omega = weights.stream().map(w -> keep(manager.zeros(w.getShape()))).toList();
        } else {
            accumulate(omega, lastGradients, lastWeights, weights);
            close(lastGradients);
            close(lastWeights);
        }
        lastGradients = copies(weights.stream().map(NDArray::getGradient).toList());
        lastWeights = copies(weights);
    }

    @Override
    public void afterExperience(ExperienceEnd end) {
        if (start == null) {
            return;
        }
        List<NDArray> reached = scoped == null ? end.weightsCopy(manager) : copies(scoped);
        try (NDScope scope = new NDScope()) {
            accumulate(omega, lastGradients, lastWeights, reached);
            List<NDArray> gained = importance(omega, start, reached, xi);
            if (importance == null) {
                importance = gained.stream().map(this::keep).toList();
            } else {
                for (int i = 0; i < importance.size(); i++) {
                    importance.get(i).addi(gained.get(i));
                }
            }
            scope.suppressNotUsedWarning();
        }
        close(anchor);
        anchor = reached;
        for (List<NDArray> arrays : List.of(omega, start, lastGradients, lastWeights)) {
            close(arrays);
        }
        omega = start = lastGradients = lastWeights = null;
    }

    private List<NDArray> weights(TrainingStep step) {
        return scoped == null ? step.weights() : scoped;
    }

    /** {@code omega += -gradient * (after - before)}, weight by weight: the step's share of the fall of the loss. */
    static void accumulate(List<NDArray> omega, List<NDArray> gradients, List<NDArray> before, List<NDArray> after) {
        for (int i = 0; i < omega.size(); i++) {
            omega.get(i).subi(gradients.get(i).mul(after.get(i).sub(before.get(i))));
        }
    }

    /** The importance an experience adds: {@code omega / ((end - start)^2 + xi)}, weight by weight. */
    static List<NDArray> importance(List<NDArray> omega, List<NDArray> start, List<NDArray> end, double xi) {
        List<NDArray> gained = new ArrayList<>();
        for (int i = 0; i < omega.size(); i++) {
            gained.add(omega.get(i).div(end.get(i).sub(start.get(i)).square().add((float) xi)));
        }
        return gained;
    }

    /** Values copied into this plugin's manager: they must not follow the live weights or die with the step. */
    private List<NDArray> copies(List<NDArray> arrays) {
        return arrays.stream().map(a -> keep(manager.create(a.toFloatArray(), a.getShape()))).toList();
    }

    private NDArray keep(NDArray array) {
        NDScope.unregister(array);
        array.attach(manager);
        return array;
    }

    private static void close(List<NDArray> arrays) {
        if (arrays != null) {
            arrays.forEach(NDArray::close);
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
