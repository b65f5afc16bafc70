package coursekit.cl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import coursekit.data.ImageSet;
import java.util.List;

/** What a {@link Plugin} sees after the trainer has trained on an experience. */
public final class ExperienceEnd extends ExperienceContext {

    private final int activeClasses;

    ExperienceEnd(int index, int[] classes, int activeClasses, ImageSet experienceData, ContinualRun run) {
        super(index, classes, experienceData, run);
        this.activeClasses = activeClasses;
    }

    /** Output units trained so far, this experience's included. */
    public int activeClasses() {
        return activeClasses;
    }

    /** The network's penultimate features of {@code images}, one row per image, in inference mode. */
    public double[][] features(ImageSet images) {
        return run.features(images, null);
    }

    /** The output of layer {@code layerName} for {@code images}, flattened to one row per image, in inference mode: latent replay's activations. */
    public double[][] activations(ImageSet images, String layerName) {
        return run.features(images, layerName);
    }

    /**
     * EWC's empirical Fisher diagonal of the trainable weights over {@code samples} images of this
     * experience drawn with {@link #seed()}, owned by {@code manager}; see {@link Fisher#diagonal}.
     */
    public List<NDArray> fisherDiagonal(int samples, NDManager manager) {
        return run.fisherDiagonal(index(), experienceData(), Math.min(samples, experienceData().size()), seed(), manager);
    }

    /** Copies of the trainable weights as they are now, owned by {@code manager}: EWC's anchors. */
    public List<NDArray> weightsCopy(NDManager manager) {
        // A fresh array from the values: a detached view would share storage and follow the weights as they train.
        return run.weights().stream().map(w -> manager.create(w.toFloatArray(), w.getShape())).toList();
    }
}
