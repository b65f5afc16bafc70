package coursekit.cl;

import ai.djl.ndarray.NDArray;
import java.util.function.Supplier;

/** Runs a plugin between two probes and sums, per experience, what it added to the training loss. */
final class LossProbe {

    final double[] added;
    final AccuracyMatrix matrix;

    private LossProbe(double[] added, AccuracyMatrix matrix) {
        this.added = added;
        this.matrix = matrix;
    }

    /** {@code plugin} trained with a head per task (or one head) over {@code scenario} by {@code trainer}. */
    static LossProbe run(ContinualTrainer trainer, Scenario scenario, Supplier<? extends Plugin> plugin) {
        double[] added = new double[scenario.size()];
        int[] experience = {-1};
        double[] before = new double[1];
        Strategy probed = Strategy.of("probed",
                () -> new Plugin() {
                    @Override
                    public void beforeExperience(ExperienceStart start) {
                        experience[0]++;
                    }

                    @Override
                    public NDArray loss(TrainingStep step, NDArray loss) {
                        before[0] = loss.getFloat();
                        return loss;
                    }
                },
                plugin,
                () -> new Plugin() {
                    @Override
                    public NDArray loss(TrainingStep step, NDArray loss) {
                        added[experience[0]] += loss.getFloat() - before[0];
                        return loss;
                    }
                }).supportingTaskIncremental();
        return new LossProbe(added, trainer.run(scenario, probed));
    }
}
