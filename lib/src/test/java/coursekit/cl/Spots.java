package coursekit.cl;

import coursekit.data.ImageSet;
import coursekit.data.TrainTest;
import coursekit.model.Models;
import coursekit.model.Network;
import java.util.Random;

/** Easy images for trainer tests: class c lights pixel c of a 5x5 grey image over faint noise, so a tiny network learns any class in a few epochs. */
final class Spots {

    private Spots() {}

    static TrainTest data(int classes, int perClass, long seed) {
        Random random = new Random(seed);
        return new TrainTest(set(classes, perClass, random), set(classes, perClass / 2, random));
    }

    private static ImageSet set(int classes, int perClass, Random random) {
        return Toy.images(classes, perClass, 5, "s", (label, p) -> p == label ? 200 + random.nextInt(56) : random.nextInt(40));
    }

    /** A trainer of a 25-32-units MLP, quiet, with a learning rate high enough for few epochs. */
    static ContinualTrainer trainer(int epochs) {
        return ContinualTrainer.builder(Spots::mlp).epochs(epochs).batchSize(16)
                .optimizer(() -> coursekit.train.Optimizers.adam(0.01)).seed(3).quiet().build();
    }

    static Network mlp(int units) {
        return Models.mlp(new long[] {1, 5, 5}, units, 32);
    }
}
