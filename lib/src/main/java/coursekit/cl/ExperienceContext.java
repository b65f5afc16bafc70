package coursekit.cl;

import ai.djl.ndarray.NDArray;
import coursekit.data.ImageSet;
import coursekit.model.Network;
import java.util.List;

/** What the contexts before and after an experience share: which experience, its classes and training images, and the network. */
abstract class ExperienceContext {

    private final int index;
    private final int[] classes;
    private final ImageSet experienceData;
    final ContinualRun run;

    ExperienceContext(int index, int[] classes, ImageSet experienceData, ContinualRun run) {
        this.index = index;
        this.classes = classes.clone();
        this.experienceData = experienceData;
        this.run = run;
    }

    /** Position of the experience in the stream, from 0. */
    public int index() {
        return index;
    }

    /** The labels (as the network sees them: with a head per task, the units of the experience's head) that this experience brings. */
    public int[] classes() {
        return classes.clone();
    }

    /**
     * The experience's own training images (without exemplars or data that plugins add), labelled as the network sees
     * them: with a head per task, by their units, so that images of several tasks can be stored and joined.
     */
    public ImageSet experienceData() {
        return experienceData;
    }

    /**
     * A seed for the plugin's random draws in this experience (exemplars chosen at random, Fisher
     * samples), made from the trainer's seed and the experience's index, so runs with another
     * {@code seed(...)} draw differently and runs with the same one draw the same.
     */
    public long seed() {
        return run.seed() * 1_000_003L + 7_919L * index;
    }

    /**
     * The output layer's weights (a dense layer's weight, (units, features), then its bias), live: writing
     * to them changes the network, as CWR* does when it sets the consolidated rows.
     */
    public List<NDArray> headWeights() {
        return run.headWeights();
    }

    /**
     * The weights of the layers after {@code layerName} (null: from the first layer) below the output layer, frozen
     * or not (batch normalisation's moving statistics left out), live: AR1's body, on which Synaptic Intelligence acts.
     */
    public List<NDArray> bodyWeights(String layerName) {
        return run.bodyWeights(layerName);
    }

    /** A frozen copy of the network as it is now, which the caller owns and closes. */
    public Network copyOfModel() {
        return run.copyOfModel();
    }
}
