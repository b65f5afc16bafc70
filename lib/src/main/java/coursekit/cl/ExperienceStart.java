package coursekit.cl;

import coursekit.data.ImageSet;
import java.util.ArrayList;
import java.util.List;

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

    List<ImageSet> extraData() {
        return extra;
    }

    boolean restartRequested() {
        return restart;
    }
}
