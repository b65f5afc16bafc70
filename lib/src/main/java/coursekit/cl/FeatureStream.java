package coursekit.cl;

import coursekit.data.ImageSet;
import coursekit.train.FeatureSet;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A scenario's experiences as the features a frozen base computed from their images, once per image set: what
 * {@link HeadTrainer} trains a small head on, experience after experience, in a fraction of the time the base would
 * take to run again for every epoch.
 *
 * <pre>{@code
 * FeatureStream stream = FeatureStream.of(scenario, images -> Features.extract(base, images, cacheDir));
 * }</pre>
 *
 * @param name the scenario's name
 * @param train the training features of each experience, in order
 * @param test the test features of each experience; experiences that share a test set (CORe50's NI) share one object
 */
public record FeatureStream(String name, List<FeatureSet> train, List<FeatureSet> test) {

    public FeatureStream {
        Objects.requireNonNull(name, "name");
        train = List.copyOf(train);
        test = List.copyOf(test);
        if (train.isEmpty() || train.size() != test.size()) {
            throw new IllegalArgumentException("A feature stream needs one training and one test set per experience, but got "
                    + train.size() + " training and " + test.size() + " test sets.");
        }
    }

    /**
     * The features of every experience of {@code scenario}, each image set passed to {@code extractor} once: a test set
     * that several experiences share (the same object) is extracted once and shared.
     */
    public static FeatureStream of(Scenario scenario, Function<ImageSet, FeatureSet> extractor) {
        Map<ImageSet, FeatureSet> done = new IdentityHashMap<>();
        List<FeatureSet> train = new ArrayList<>();
        List<FeatureSet> test = new ArrayList<>();
        for (Experience e : scenario.stream()) {
            train.add(done.computeIfAbsent(e.train(), extractor));
            test.add(done.computeIfAbsent(e.test(), extractor));
        }
        return new FeatureStream(scenario.name(), train, test);
    }

    /** Number of experiences. */
    public int size() {
        return train.size();
    }

    /** The classes the features are labelled with. */
    public List<String> classNames() {
        return train.get(0).classNames();
    }
}
