package coursekit.lab;

import coursekit.Kit;
import coursekit.augment.Augmenter;
import coursekit.data.Split;
import coursekit.model.Network;
import coursekit.plot.Plots;
import coursekit.train.Evaluation;
import coursekit.train.FeatureSet;
import coursekit.train.Features;
import coursekit.train.Fit;
import coursekit.train.FitConfig;
import coursekit.train.History;
import coursekit.train.Optimizers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The lecture's feature extraction, both ways: a pretrained convolutional base, frozen, with a new
 * classifier head trained on top.
 *
 * <ul>
 *   <li><b>fast</b>: the base runs once over every image and its outputs are kept (on disk, so a
 *       second run reads them back); the head then trains on those features alone, in a fraction
 *       of a second per epoch, but can never see an augmented image.</li>
 *   <li><b>augmented</b>: the frozen base sits inside the model and every training image goes
 *       through it again in every epoch, randomly transformed; slower, and it overfits less.</li>
 * </ul>
 */
public final class FeatureExtractionLab {

    static final String NAME = "feature-extraction";

    /** Epochs of the fast head (the lecture's 30). */
    static final int FAST_EPOCHS = 30;

    /** Epochs end to end: each costs a pass of the base over the training and validation images. */
    static final int AUGMENTED_EPOCHS = 30;

    private static final Set<String> OPTIONS = Set.of("mode", "cache");

    private FeatureExtractionLab() {}

    static void run(String[] args) {
        Set<String> own = new HashSet<>(Transfer.OPTIONS);
        own.addAll(OPTIONS);
        LabSession session = LabSession.start(NAME, args, own);
        String mode = session.options().choice("mode", "both", "fast", "augmented", "both");
        Transfer transfer = Transfer.from(session);
        Split data = transfer.data(session);
        System.out.println("Head: " + transfer.describeHead() + ".");
        Map<String, History> runs = new LinkedHashMap<>();
        try (Network base = transfer.frozenBase(data.imageShape())) {
            if (!mode.equals("augmented")) {
                runs.put("fast", fast(session, transfer, base, data));
            }
            if (!mode.equals("fast")) {
                runs.put("with augmentation", augmented(session, transfer, base, data));
            }
        }
        if (runs.size() > 1) {
            Path file = session.out().resolve("val_accuracy.png");
            Plots.history(runs, History.VAL_ACCURACY).save(file);
            System.out.println("Wrote " + file + ": validation accuracy of both ways, epoch by epoch.");
        }
    }

    /** Features once (cached), then the head alone on them. */
    private static History fast(LabSession session, Transfer transfer, Network base, Split data) {
        System.out.println();
        System.out.println("== Fast feature extraction: the frozen base runs once over every image; the head trains on what it outputs.");
        Path cache = session.options().path("cache", session.out().resolve("features"));
        long started = System.nanoTime();
        long cachedBefore = countFiles(cache);
        FeatureSet train = Features.extract(base, data.train(), cache);
        FeatureSet validation = Features.extract(base, data.validation(), cache);
        FeatureSet test = Features.extract(base, data.test(), cache);
        long computed = countFiles(cache) - cachedBefore;
        System.out.println(String.format(Locale.ROOT, "Features %s of %,d images %s in %.1f s (cache: %s).",
                java.util.Arrays.toString(train.featureShape()), train.size() + validation.size() + test.size(),
                computed == 3 ? "computed" : computed == 0 ? "read back" : "partly computed, partly read back",
                LabSession.secondsSince(started), cache));

        session.reseed();
        int epochs = session.epochs(FAST_EPOCHS);
        try (Network head = transfer.head(train.featureShape())) {
            FitConfig config = headConfig(session, transfer, epochs);
            System.out.println(String.format(Locale.ROOT, "Training the head (%,d parameters) for %d epochs with %s, batch %d.",
                    head.trainableParameterCount(), epochs, config.newOptimizer(), config.batchSize()));
            long fitStarted = System.nanoTime();
            History history = Fit.fit(head, train, validation, config);
            double seconds = LabSession.secondsSince(fitStarted);
            System.out.println(String.format(Locale.ROOT,
                    "The head took %.2f s per epoch (training and validation), %s the lecture's 'less than one second' on CPU.",
                    seconds / epochs, seconds / epochs < 1 ? "within" : "above"));
            Evaluation evaluation = Fit.evaluate(head, test);
            session.report("fast feature extraction", transfer.name(), history, evaluation, LabSession.secondsSince(started));
            LabSession.describeOverfitting(history);
            LabSession.save(session.out().resolve("fast"), history, head, "head.params");
            return history;
        }
    }

    /** The frozen base inside the model, on augmented images. */
    private static History augmented(LabSession session, Transfer transfer, Network base, Split data) {
        System.out.println();
        System.out.println("== Feature extraction with augmentation: the frozen base inside the model, every training image "
                + "transformed anew in every epoch.");
        session.reseed();
        try (Network model = transfer.classifier(base)) {
            return trainFrozen(session, transfer, model, data, AUGMENTED_EPOCHS, true, "feature extraction with augmentation",
                    session.out().resolve("augmented"));
        }
    }

    /**
     * Trains the head of {@code model}, a classifier on a frozen base, end to end (augmented when
     * {@code augment}), reports it as {@code run} and saves it to {@code dir} unless that is null;
     * the fine-tuning lab's first phase is the same call.
     */
    static History trainFrozen(LabSession session, Transfer transfer, Network model, Split data, int defaultEpochs, boolean augment,
            String run, Path dir) {
        int epochs = session.epochs(defaultEpochs);
        FitConfig config = headConfig(session, transfer, epochs);
        Augmenter augmenter = AugmentationLab.augmenter(session.seed());
        if (augment) {
            config = config.augment(augmenter);
        }
        System.out.println(String.format(Locale.ROOT, "Training %,d of %,d parameters (the head) for %d epochs with %s, batch %d%s%s.",
                model.trainableParameterCount(), model.parameterCount(), epochs, config.newOptimizer(), config.batchSize(),
                augment ? ", " + augmenter : ", no augmentation", Kit.quick() ? " (quick mode)" : ""));
        long started = System.nanoTime();
        History history = Fit.fit(model, data, config);
        session.report(run, transfer.name(), history, Fit.evaluate(model, data.test()), LabSession.secondsSince(started));
        LabSession.describeOverfitting(history);
        if (dir != null) {
            LabSession.save(dir, history, model, "classifier.params");
        }
        return history;
    }

    /** How a new head trains, on features or end to end: RMSprop at the backbone's head rate (or {@code --lr}), batch 20. */
    static FitConfig headConfig(LabSession session, Transfer transfer, int epochs) {
        return FitConfig.epochs(epochs)
                .batchSize(session.options().integer("batch-size", 20))
                .optimizer(Optimizers.rmsprop(session.options().decimal("lr", transfer.backbone().headRate())))
                .seed(session.seed());
    }

    private static long countFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the feature cache " + dir + ": " + e.getMessage(), e);
        }
    }
}
