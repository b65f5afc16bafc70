package coursekit.lab;

import coursekit.Kit;
import coursekit.augment.Augmenter;
import coursekit.data.Split;
import coursekit.model.Models;
import coursekit.model.Network;
import coursekit.train.Evaluation;
import coursekit.train.Fit;
import coursekit.train.FitConfig;
import coursekit.train.History;
import coursekit.train.Optimizers;
import java.util.Set;

/**
 * The lecture's first experiment: a small convnet trained from scratch on 2,000 images of cats
 * and dogs, which learns the training set far better than it generalises (overfitting).
 *
 * <p>It runs the lecture's own setting at 150x150 on the lecture's {@code cats_and_dogs_small} (with
 * {@code train/}, {@code validation/}, {@code test/}) from {@code --data DIR} or, without that option, from the
 * data directory when the folder is there. Otherwise (or with {@code --data embedded}) it runs on the embedded
 * 32x32 CIFAR-10 cats and dogs, upsampled to 64x64: the lecture's four unpadded 3x3 convolution + 2x2 pooling
 * stages need at least 46 pixels a side.
 */
public final class ScratchCnnLab {

    static final String NAME = "scratch-cnn";

    /** The embedded images' size for the lecture CNN, and why. */
    static final int SIZE = 64;
    static final String SIZE_REASON = "the lecture CNN's four unpadded 3x3 conv + 2x2 pool stages need at least 46 pixels a side.";

    /** The options of the lecture CNN's labs besides the common ones. */
    static final Set<String> OPTIONS = Set.of("dropout", "resume");

    private ScratchCnnLab() {}

    static void run(String[] args) {
        LabSession session = LabSession.start(NAME, args, OPTIONS);
        Split data = session.data(SIZE, SIZE_REASON);
        train(session, data, 30, 0.0, null, "from scratch");
    }

    /**
     * Trains the lecture CNN as the lecture does (RMSprop 1e-4, batch 20, {@code --dropout} before
     * the dense layer), with {@code augmenter} on the training batches when it is not null, then
     * reports, describes the overfitting and saves; the scratch-cnn and augmentation labs share it.
     */
    static History train(LabSession session, Split data, int defaultEpochs, double defaultDropout, Augmenter augmenter, String run) {
        LabArgs options = session.options();
        int epochs = session.epochs(defaultEpochs);
        double dropout = options.rate("dropout", defaultDropout);
        try (Network model = Models.lectureCnn(data.imageShape(), 1, dropout)) {
            System.out.println(model.summary());
            FitConfig config = FitConfig.epochs(epochs)
                    .batchSize(options.integer("batch-size", 20))
                    .optimizer(Optimizers.rmsprop(options.decimal("lr", 1e-4)))
                    .seed(session.seed())
                    .checkpoint(session.out().resolve("checkpoint"))
                    .resume(options.bool("resume", false));
            if (augmenter != null) {
                config = config.augment(augmenter);
            }
            System.out.println("Training " + epochs + " epochs on " + Kit.device() + " with " + config.newOptimizer()
                    + ", batch " + config.batchSize() + (dropout > 0 ? ", dropout " + dropout : "")
                    + (augmenter != null ? ", augmented training batches" : "") + (Kit.quick() ? " (quick mode)" : "") + ".");
            long started = System.nanoTime();
            History history = Fit.fit(model, data, config);
            Evaluation test = Fit.evaluate(model, data.test());
            session.report(run, "lecture_cnn", history, test, LabSession.secondsSince(started));
            LabSession.describeOverfitting(history);
            LabSession.save(session.out(), history, model, "lecture_cnn.params");
            return history;
        }
    }
}
