package coursekit.cl;

import ai.djl.ndarray.NDArray;
import coursekit.data.ImageSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** What a {@link Plugin} sees and may change before the trainer trains on an experience. */
public final class ExperienceStart extends ExperienceContext {

    private final int oldClasses;
    private final List<ImageSet> extra = new ArrayList<>();
    private boolean restart;

    ExperienceStart(int index, int[] classes, int oldClasses, ImageSet experienceData, ContinualRun run) {
        super(index, classes, experienceData, run);
        this.oldClasses = oldClasses;
    }

    /** How many output units the network was trained on before this experience (0 at the first). */
    public int oldClasses() {
        return oldClasses;
    }

    /** Trains on {@code images} too in this experience, mixed into the same shuffled batches (exemplars, old experiences). */
    public void addTrainingData(ImageSet images) {
        if (images.size() > 0) {
            extra.add(images);
        }
    }

    /** Starts this experience from a freshly initialised network, as the joint upper bound does. */
    public void restartModel() {
        restart = true;
    }

    /**
     * Freezes layer {@code layerName} and every layer before it (null: every layer but the output layer) from this
     * experience on: their weights stop changing (CWR*'s body after the first experience, the layers below latent
     * replay's layer).
     */
    public void freezeUpTo(String layerName) {
        run.freezeUpTo(layerName);
    }

    /**
     * The layers after {@code layerName}, to call from {@link Plugin#loss} while this experience trains: on
     * activations of that layer flattened to (N, values) ({@link ExperienceEnd#activations}), they give the logits on
     * every output unit in training mode, differentiable in the upper layers' weights (latent replay).
     *
     * @throws IllegalArgumentException naming the layers when there is no layer {@code layerName}
     */
    public UnaryOperator<NDArray> layersAfter(String layerName) {
        return run.layersAfter(layerName);
    }

    List<ImageSet> extraData() {
        return extra;
    }

    boolean restartRequested() {
        return restart;
    }
}
