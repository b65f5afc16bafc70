package coursekit.cl;

import coursekit.data.ImageSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains each experience on all training data seen so far: Cumulative goes on from the network it
 * has, Joint starts from a fresh one each time, the offline upper bound the other strategies are
 * measured against.
 */
final class Rehearsal implements Plugin {

    private final boolean fromScratch;
    private final List<ImageSet> seen = new ArrayList<>();

    Rehearsal(boolean fromScratch) {
        this.fromScratch = fromScratch;
    }

    @Override
    public void beforeExperience(ExperienceStart start) {
        seen.forEach(start::addTrainingData);
        if (fromScratch) {
            start.restartModel();
        }
    }

    @Override
    public void afterExperience(ExperienceEnd end) {
        seen.add(end.experienceData());
    }
}
