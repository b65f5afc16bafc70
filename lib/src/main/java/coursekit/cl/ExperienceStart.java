package coursekit.cl;

import coursekit.data.ImageSet;
import coursekit.model.Network;
import java.util.ArrayList;
import java.util.List;

/** What a {@link Plugin} sees and may change before the trainer trains on an experience. */
public final class ExperienceStart {

    private final int index;
    private final int[] classes;
    private final int oldClasses;
    private final ImageSet experienceData;
    private final List<ImageSet> extra = new ArrayList<>();
    private final ContinualTrainer.Run run;
    private boolean restart;

    ExperienceStart(int index, int[] classes, int oldClasses, ImageSet experienceData, ContinualTrainer.Run run) {
        this.index = index;
        this.classes = classes.clone();
        this.oldClasses = oldClasses;
        this.experienceData = experienceData;
        this.run = run;
    }

    /** Position of the experience in the stream, from 0. */
    public int index() {
        return index;
    }

    /** The labels (as the network sees them) that this experience brings. */
    public int[] classes() {
        return classes.clone();
    }

    /** How many output units the network was trained on before this experience (0 at the first). */
    public int oldClasses() {
        return oldClasses;
    }

    /** The experience's own training images. */
    public ImageSet experienceData() {
        return experienceData;
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

    /** A frozen copy of the network as it is now, which the caller owns and closes. */
    public Network copyOfModel() {
        return run.copyOfModel();
    }

    List<ImageSet> extraData() {
        return extra;
    }

    boolean restartRequested() {
        return restart;
    }
}
