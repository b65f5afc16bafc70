package coursekit.cl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import coursekit.data.ImageSet;
import coursekit.model.Network;
import java.util.List;

/** What a {@link Plugin} sees after the trainer has trained on an experience. */
public final class ExperienceEnd {

    private final int index;
    private final int[] classes;
    private final int activeClasses;
    private final ImageSet experienceData;
    private final ContinualTrainer.Run run;

    ExperienceEnd(int index, int[] classes, int activeClasses, ImageSet experienceData, ContinualTrainer.Run run) {
        this.index = index;
        this.classes = classes.clone();
        this.activeClasses = activeClasses;
        this.experienceData = experienceData;
        this.run = run;
    }

    public int index() {
        return index;
    }

    /** The labels this experience brought. */
    public int[] classes() {
        return classes.clone();
    }

    /** Output units trained so far, this experience's included. */
    public int activeClasses() {
        return activeClasses;
    }

    /** The experience's own training images (without exemplars or data other plugins added). */
    public ImageSet experienceData() {
        return experienceData;
    }

    /** The network's penultimate features of {@code images}, one row per image, in inference mode. */
    public double[][] features(ImageSet images) {
        return run.features(images);
    }

    /** A frozen copy of the network as it is now, which the caller owns and closes. */
    public Network copyOfModel() {
        return run.copyOfModel();
    }

    /**
     * EWC's empirical Fisher diagonal of the trainable weights over {@code samples} images of this
     * experience drawn with {@code seed}, owned by {@code manager}; see {@link Fisher#diagonal}.
     */
    public List<NDArray> fisherDiagonal(int samples, long seed, NDManager manager) {
        return run.fisherDiagonal(index, experienceData, Math.min(samples, experienceData.size()), seed, manager);
    }

    /** Copies of the trainable weights as they are now, owned by {@code manager}: EWC's anchors. */
    public List<NDArray> weightsCopy(NDManager manager) {
        // A fresh array from the values: a detached view would share storage and follow the weights as they train.
        return run.weights().stream().map(w -> manager.create(w.toFloatArray(), w.getShape())).toList();
    }
}
