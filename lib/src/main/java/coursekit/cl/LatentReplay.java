package coursekit.cl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import coursekit.data.ImageSet;
import coursekit.engine.Scalars;
import coursekit.train.Losses;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * Latent replay (Pellegrini, Graffieti, Lomonaco and Maltoni, 2020, https://arxiv.org/abs/1912.01100): instead of
 * old images, a {@link LatentMemory} of their activations at one layer, replayed through the layers above it
 * only. From the second experience on, that layer and those below it are frozen, so the stored activations stay
 * what the network would compute now; they are computed at the end of each experience, in inference mode, from
 * images of it drawn at random (the authors' script keeps those of the first epoch as they pass). Each training batch of n new images is joined by enough stored activations
 * that one epoch over the experience replays the memory once ({@code ceil(n * memory / experience images)}, as the
 * authors' code shares its mini-batches), and the loss is the mean cross-entropy over the n images and the
 * replayed activations together. The replayed activations run through the upper layers in a pass of their own,
 * so a batch-normalisation layer above the latent layer would normalise them apart from the new images.
 */
final class LatentReplay implements Plugin {

    private final LatentMemory memory;
    private final String layer;
    private UnaryOperator<NDArray> upperLayers;
    private Random random;
    private int experienceImages;
    private int[] order = new int[0];
    private int next;

    /** A memory of at most {@code memorySize} activations of layer {@code layer}'s output. */
    LatentReplay(int memorySize, String layer) {
        this.memory = new LatentMemory(memorySize);
        this.layer = layer;
    }

    @Override
    public void beforeExperience(ExperienceStart start) {
        if (start.index() > 0) {
            start.freezeUpTo(layer);
        }
        upperLayers = start.layersAfter(layer);
        random = new Random(start.seed());
        experienceImages = start.experienceData().size();
        order = Herding.random(memory.size(), memory.size(), random);
        next = 0;
    }

    /** The batch's cross-entropy joined by that of stored activations replayed through the layers above the latent one. */
    @Override
    public NDArray loss(TrainingStep step, NDArray loss) {
        if (memory.size() == 0) {
            return loss;
        }
        int n = (int) step.labels().getShape().get(0);
        int m = (int) Math.min(memory.size(), Math.max(1, Math.ceil((double) n * memory.size() / experienceImages)));
        int width = memory.row(0).length;
        float[] values = new float[m * width];
        int[] labels = new int[m];
        for (int k = 0; k < m; k++) {
            if (next == order.length) {
                order = Herding.random(memory.size(), memory.size(), random);
                next = 0;
            }
            int i = order[next++];
            System.arraycopy(memory.row(i), 0, values, k * width, width);
            labels[k] = memory.label(i);
        }
        NDManager manager = step.inputs().getManager();
        NDArray logits = upperLayers.apply(manager.create(values, new Shape(m, width))).get(":, 0:" + step.activeClasses());
        NDArray replayed = Losses.softmaxCrossEntropy(logits, manager.create(labels, new Shape(m)));
        return Scalars.div(Scalars.mul(loss, n).add(Scalars.mul(replayed, m)), n + m);
    }

    @Override
    public void afterExperience(ExperienceEnd end) {
        ImageSet data = end.experienceData();
        Random draw = new Random(end.seed());
        int[] chosen = Herding.random(data.size(), memory.share(end.index(), data.size()), draw);
        ImageSet images = data.subset(chosen);
        double[][] activations = end.activations(images, layer);
        float[][] rows = new float[activations.length][];
        for (int n = 0; n < rows.length; n++) {
            rows[n] = new float[activations[n].length];
            for (int d = 0; d < rows[n].length; d++) {
                rows[n][d] = (float) activations[n][d];
            }
        }
        memory.add(rows, images.labels(), draw);
    }

    /** How many stored activations each class has: they train beside the next experience. */
    long[] classCounts(int units) {
        return memory.classCounts(units);
    }

    LatentMemory memory() {
        return memory;
    }
}
