package coursekit.cl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;

/**
 * Elastic Weight Consolidation (Kirkpatrick et al., 2017, https://arxiv.org/abs/1612.00796):
 * after each experience, the Fisher diagonal of its data and the weights reached; while learning
 * later ones, a quadratic penalty per earlier experience holds the important weights in place.
 */
final class ElasticWeightConsolidation implements Plugin {

    private final double lambda;
    private final int samples;
    private final NDManager manager = NDManager.newBaseManager(coursekit.engine.Devices.chosen());
    private final List<List<NDArray>> fishers = new ArrayList<>();
    private final List<List<NDArray>> anchors = new ArrayList<>();

    ElasticWeightConsolidation(double lambda, int samples) {
        this.lambda = lambda;
        this.samples = samples;
    }

    @Override
    public NDArray loss(TrainingStep step, NDArray loss) {
        NDArray total = loss;
        for (int k = 0; k < fishers.size(); k++) {
            total = total.add(Fisher.penalty(fishers.get(k), anchors.get(k), step.weights(), lambda));
        }
        return total;
    }

    @Override
    public void afterExperience(ExperienceEnd end) {
        fishers.add(end.fisherDiagonal(samples, manager));
        anchors.add(end.weightsCopy(manager));
    }

    @Override
    public void close() {
        manager.close();
    }
}
