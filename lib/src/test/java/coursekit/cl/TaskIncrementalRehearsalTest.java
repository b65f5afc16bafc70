package coursekit.cl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import coursekit.data.ImageSet;
import coursekit.data.TrainTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Replay, Joint, Cumulative and iCaRL with a head per task: images of earlier tasks train and answer on their own task's head. */
class TaskIncrementalRehearsalTest {

    /**
     * Two tasks of the same two pictures with their labels swapped: task 0 calls a bright pixel 0 class 0 and a bright
     * pixel 1 class 1, task 1 the other way round. Trained on the current task's head, an exemplar of task 0 would
     * teach task 1's head the opposite of task 1's own images.
     */
    private static final Scenario SWAPPED = swapped();

    @Test
    void everyImageOfAMixedBatchIsTrainedOnItsOwnTasksHead() {
        Scenario tasks = Scenarios.taskIncremental(Spots.data(6, 24, 2), 3, 5);
        List<Double> gaps = new ArrayList<>();
        int[] mixed = {0};
        int[] experience = {-1};
        Strategy probed = Strategy.of("probed", () -> new Plugin() {
            @Override
            public void beforeExperience(ExperienceStart start) {
                experience[0] = start.index();
            }

            @Override
            public NDArray loss(TrainingStep step, NDArray loss) {
                // iCaRL distils the units before oldClasses() and trains the rest: the earlier heads, then this task's.
                assertEquals(2 * experience[0], step.oldClasses());
                assertEquals(2 * experience[0] + 2, step.activeClasses());
                // Every task has 2 classes, so unit u lies in head u / 2, which holds units 2 (u / 2) and 2 (u / 2) + 1.
                float[] logits = step.allLogits().toFloatArray();
                int[] units = step.labels().toIntArray();
                int width = (int) step.allLogits().getShape().get(1);
                double sum = 0;
                for (int n = 0; n < units.length; n++) {
                    int first = units[n] / 2 * 2;
                    double a = logits[n * width + first];
                    double b = logits[n * width + first + 1];
                    double own = logits[n * width + units[n]];
                    double max = Math.max(a, b);
                    sum += max + Math.log(Math.exp(a - max) + Math.exp(b - max)) - own;
                }
                gaps.add(Math.abs(sum / units.length - loss.getFloat()));
                mixed[0] += java.util.Arrays.stream(units).map(u -> u / 2).distinct().count() > 1 ? 1 : 0;
                return loss;
            }
        }, () -> new Replay(12)).supportingTaskIncremental();
        Spots.trainer(1).run(tasks, probed);
        assertTrue(mixed[0] > 0, "some batches mixed tasks");
        assertTrue(gaps.stream().allMatch(gap -> gap < 1e-5), "the trainer's loss against each image's own-head cross-entropy: " + gaps);
    }

    @Test
    void replayJointAndCumulativeLearnBothTasksOfSwappedLabels() {
        for (Strategy strategy : List.of(Strategies.replay(20), Strategies.joint(), Strategies.cumulative())) {
            AccuracyMatrix r = Spots.trainer(4).run(SWAPPED, strategy);
            assertTrue(r.get(1, 0) > 0.9 && r.get(1, 1) > 0.9, strategy.name() + " at the end: " + r.get(1, 0) + ", " + r.get(1, 1));
        }
    }

    @Test
    void icarlAnswersEachTaskByTheNearestMeanAmongItsOwnClasses() {
        Icarl icarl = new Icarl(20, Strategies.Selection.HERDING);
        AccuracyMatrix r = Spots.trainer(4).run(SWAPPED, Strategy.of("iCaRL", () -> icarl).supportingTaskIncremental());
        // Over all four units the two means of each picture are the same, so the unrestricted nearest mean would be a coin toss.
        assertTrue(r.get(1, 0) > 0.9 && r.get(1, 1) > 0.9, "at the end: " + r.get(1, 0) + ", " + r.get(1, 1));
        assertEquals(List.of(0, 1, 2, 3), icarl.memory().classes(), "exemplars kept per unit, so the tasks' classes stay apart");
        assertTrue(r.get(0, 1) >= 0 && r.get(0, 1) <= 1, "a head not yet trained is answered by its logits: " + r.get(0, 1));
    }

    private static Scenario swapped() {
        Random random = new Random(9);
        // Classes 0 and 3 light pixel 0, classes 1 and 2 pixel 1; cut 0, 1 | 2, 3 they are (0, 1) and (1, 0) by picture.
        Toy.Pixel pixel = (label, p) -> p == (label == 0 || label == 3 ? 0 : 1) ? 200 + random.nextInt(56) : random.nextInt(40);
        ImageSet train = Toy.images(4, 30, 5, "s", pixel);
        ImageSet test = Toy.images(4, 15, 5, "s", pixel);
        return Scenarios.cut("Swapped", new TrainTest(train, test), new int[] {0, 1, 2, 3}, new int[] {2, 2}, "labels swapped", true);
    }
}
