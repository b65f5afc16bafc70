package coursekit.cl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import coursekit.data.ImageSet;
import coursekit.engine.Scalars;
import coursekit.model.Network;
import coursekit.train.Losses;
import java.util.Random;

/**
 * iCaRL (Rebuffi, Kolesnikov, Sperl and Lampert, 2017, https://arxiv.org/abs/1611.07725): a
 * memory of at most K exemplars chosen by herding (or at random, the paper's ablation), training
 * on new images plus exemplars with binary cross-entropy whose targets for the old classes are the
 * old network's sigmoid outputs (distillation), and classification by the nearest mean of
 * exemplars in feature space instead of the output layer.
 */
final class Icarl implements Plugin {

    private final ExemplarMemory memory;
    private final Strategies.Selection selection;
    private Network old;
    private NearestMeanOfExemplars classifier;

    Icarl(int memorySize, Strategies.Selection selection) {
        this.memory = new ExemplarMemory(memorySize);
        this.selection = selection;
    }

    @Override
    public void beforeExperience(ExperienceStart start) {
        closeOld();
        if (start.oldClasses() > 0) {
            old = start.copyOfModel();
        }
        if (memory.size() > 0) {
            start.addTrainingData(memory.images());
        }
    }

    /** Replaces the softmax loss by the sum over active classes of binary cross-entropies, old classes against the old network. */
    @Override
    public NDArray loss(TrainingStep step, NDArray loss) {
        int active = step.activeClasses();
        int oldClasses = step.oldClasses();
        NDArray targets = step.labels().toType(DataType.INT64, false).oneHot(active).toType(DataType.FLOAT32, false);
        if (old != null && oldClasses > 0) {
            NDArray oldTargets = Activation.sigmoid(old.logits(step.inputs(), false).get(":, 0:" + oldClasses)).stopGradient();
            targets = oldClasses == active ? oldTargets
                    : NDArrays.concat(new NDList(oldTargets, targets.get(":, " + oldClasses + ":" + active)), 1);
        }
        // binaryCrossEntropy averages over classes too; the paper sums them.
        return Scalars.mul(Losses.binaryCrossEntropy(step.logits(), targets), active);
    }

    @Override
    public void afterExperience(ExperienceEnd end) {
        Random random = new Random(end.seed());
        ExemplarMemory.Selector selector = selection == Strategies.Selection.HERDING
                ? (images, m) -> Herding.select(end.features(images), m)
                : (images, m) -> Herding.random(images.size(), m, random);
        memory.add(end.experienceData(), end.classes(), selector);
        double[][][] exemplarFeatures = new double[end.activeClasses()][][];
        for (int c : memory.classes()) {
            ImageSet exemplars = memory.exemplars(c);
            exemplarFeatures[c] = end.features(exemplars);
        }
        classifier = NearestMeanOfExemplars.fit(exemplarFeatures);
    }

    /**
     * Nearest mean of exemplars: scores are negative squared distances to the class means. Units beyond those trained
     * so far (a later task's head, asked before that task is learned) have no means: the logits answer there.
     */
    @Override
    public NDArray scores(NDArray features, int activeClasses) {
        if (classifier == null || activeClasses > classifier.numClasses()) {
            return null;
        }
        int n = (int) features.getShape().get(0);
        int dim = (int) (features.size() / n);
        float[] values = features.toFloatArray();
        int width = classifier.numClasses();
        float[] scores = new float[n * width];
        java.util.Arrays.fill(scores, Float.NEGATIVE_INFINITY);
        double[] row = new double[dim];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < dim; d++) {
                row[d] = values[i * dim + d];
            }
            double[] s = classifier.scores(row);
            for (int c = 0; c < s.length; c++) {
                scores[i * width + c] = (float) s[c];
            }
        }
        return features.getManager().create(scores, new Shape(n, width));
    }

    ExemplarMemory memory() {
        return memory;
    }

    private void closeOld() {
        if (old != null) {
            old.close();
            old = null;
        }
    }

    @Override
    public void close() {
        closeOld();
    }
}
