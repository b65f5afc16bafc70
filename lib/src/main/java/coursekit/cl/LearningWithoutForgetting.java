package coursekit.cl;

import ai.djl.ndarray.NDArray;
import coursekit.model.Network;

/**
 * Learning without Forgetting (Li and Hoiem, 2016, https://arxiv.org/abs/1606.09282): while
 * learning new classes, keep the old classes' outputs close to what the network answered before
 * the experience, by distillation on the new images; no old images are stored.
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
        if (old == null || step.oldClasses() == 0) {
            return loss;
        }
        NDArray oldLogits = old.logits(step.inputs(), false).stopGradient();
        return loss.add(Distillation.loss(step.logits(), oldLogits, step.oldClasses(), temperature).mul((float) lambda));
    }

    @Override
    public void close() {
        if (old != null) {
            old.close();
            old = null;
        }
    }
}
