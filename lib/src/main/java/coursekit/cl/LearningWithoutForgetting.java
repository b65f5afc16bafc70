package coursekit.cl;

import ai.djl.ndarray.NDArray;
import coursekit.engine.Scalars;
import coursekit.model.Network;
import java.util.List;

/**
 * Learning without Forgetting (Li and Hoiem, 2016, https://arxiv.org/abs/1606.09282): while
 * learning new classes, keep the old classes' outputs close to what the network answered before
 * the experience, by distillation on the new images; no old images are stored. With a head per
 * task (the setting of the paper) each earlier head is distilled on its own and the losses add up.
 */
final class LearningWithoutForgetting implements Plugin {

    private final double lambda;
    private final double temperature;
    private Network old;

    LearningWithoutForgetting(double lambda, double temperature) {
        this.lambda = lambda;
        this.temperature = temperature;
    }

    @Override
    public void beforeExperience(ExperienceStart start) {
        close();
        if (start.oldClasses() > 0) {
            old = start.copyOfModel();
        }
    }

    @Override
    public NDArray loss(TrainingStep step, NDArray loss) {
        if (old == null || step.oldHeads().isEmpty()) {
            return loss;
        }
        NDArray oldLogits = old.logits(step.inputs(), false).stopGradient();
        return loss.add(Scalars.mul(distillation(step.allLogits(), oldLogits, step.oldHeads(), temperature), lambda));
    }

    /** The distillation loss of each head in {@code heads}, between the new and the old network's logits, summed. */
    static NDArray distillation(NDArray newLogits, NDArray oldLogits, List<TrainingStep.Units> heads, double temperature) {
        NDArray sum = null;
        for (TrainingStep.Units head : heads) {
            NDArray term = Distillation.loss(head.of(newLogits), head.of(oldLogits), head.size(), temperature);
            sum = sum == null ? term : sum.add(term);
        }
        return sum;
    }

    @Override
    public void close() {
        if (old != null) {
            old.close();
            old = null;
        }
    }
}
