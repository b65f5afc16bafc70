package coursekit.lab;

import coursekit.augment.Augmenter;
import coursekit.data.Split;
import coursekit.model.BatchNormalization;
import coursekit.model.Network;
import coursekit.train.Evaluation;
import coursekit.train.Fit;
import coursekit.train.FitConfig;
import coursekit.train.History;
import coursekit.train.Optimizers;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The lecture's fine-tuning, in its five steps: put a new head on a pretrained base, freeze the
 * base, train the head (phase 1, feature extraction end to end), then unfreeze the top of the base
 * and train it together with the head at a low learning rate (phase 2). The unfrozen base layers
 * learn more slowly than the head (differential learning rates), and the two phases' histories
 * are joined into one chart with a "start fine-tuning" marker.
 */
public final class FineTuningLab {

    static final String NAME = "fine-tuning";

    /** Epochs of phase 1, as many as the feature-extraction lab's end-to-end run, so the two compare. */
    static final int FEATURE_EPOCHS = FeatureExtractionLab.AUGMENTED_EPOCHS;

    /** Epochs of phase 2. */
    static final int FINE_TUNE_EPOCHS = 10;

    private static final Set<String> OPTIONS =
            Set.of("fine-tune-epochs", "fine-tune-lr", "fine-tune-from", "base-lr-factor", "augment", "freeze-batch-norm");

    private FineTuningLab() {}

    static void run(String[] args) {
        Set<String> own = new HashSet<>(Transfer.OPTIONS);
        own.addAll(OPTIONS);
        LabSession session = LabSession.start(NAME, args, own);
        LabArgs options = session.options();
        Transfer transfer = Transfer.from(session);
        String from = options.string("fine-tune-from", transfer.backbone().fineTuneFrom());
        double fineTuneRate = options.decimal("fine-tune-lr", transfer.backbone().fineTuneRate());
        double baseFactor = options.decimal("base-lr-factor", transfer.backbone().baseRateFactor());
        boolean augment = options.bool("augment", true);
        boolean freezeBatchNorm = options.bool("freeze-batch-norm", true);
        int fineTuneEpochs = session.epochs("fine-tune-epochs", FINE_TUNE_EPOCHS);
        Split data = transfer.data(session);
        System.out.println("Head: " + transfer.describeHead() + ".");

        try (Network base = transfer.frozenBase(data.imageShape())) {
            checkLayer(base, from);
            session.reseed();
            try (Network model = transfer.classifier(base)) {
                System.out.println();
                System.out.println("== Phase 1 (steps 1-3): new head on the frozen base, trained alone"
                        + (augment ? " on augmented images." : "."));
                long started = System.nanoTime();
                History features = FeatureExtractionLab.trainFrozen(session, transfer, model, data, FEATURE_EPOCHS, augment,
                        "feature extraction (phase 1)", null);
                double featureTest = session.lastTestAccuracy();

                System.out.println();
                System.out.println("== Phase 2 (steps 4-5): unfreeze the base from " + from + " on and train it with the head, slowly.");
                model.unfreezeFrom(from);
                if (freezeBatchNorm) {
                    model.freezeBatchNormalization();
                }
                String headStart = model.layers().names().get(base.layers().names().size());
                // Phase 2 draws its own shuffles and augmentations instead of repeating phase 1's from epoch 1.
                long phaseSeed = session.seed() + 1;
                FitConfig config = FitConfig.epochs(fineTuneEpochs)
                        .batchSize(options.integer("batch-size", 20))
                        .optimizer(Optimizers.rmsprop(fineTuneRate))
                        .learningRateFactor(from, baseFactor)
                        .learningRateFactor(headStart, 1.0)
                        .seed(phaseSeed);
                Augmenter augmenter = AugmentationLab.augmenter(phaseSeed);
                if (augment) {
                    config = config.augment(augmenter);
                }
                System.out.println(String.format(Locale.ROOT,
                        "Training %,d of %,d parameters for %d epochs with %s for the head and %s for %s and the layers after it "
                                + "(factor %s)%s; batch normalisation %s.",
                        model.trainableParameterCount(), model.parameterCount(), fineTuneEpochs, config.newOptimizer(),
                        Optimizers.rmsprop(fineTuneRate * baseFactor), from, baseFactor, augment ? ", augmented" : "",
                        freezeBatchNorm ? "keeps ImageNet's statistics (frozen)" : "layers learn and use batch statistics"));
                History fineTuning = Fit.fit(model, data, config);
                History joined = features.then(fineTuning);
                Evaluation test = Fit.evaluate(model, data.test());
                session.report("fine-tuning", transfer.name(), joined, test, LabSession.secondsSince(started));
                System.out.println(String.format(Locale.ROOT,
                        "Fine-tuning moved test accuracy from %.3f to %.3f and validation accuracy from %.3f to %.3f.",
                        featureTest, test.accuracy(), features.last(History.VAL_ACCURACY), joined.last(History.VAL_ACCURACY)));
                LabSession.save(session.out(), joined, model, "classifier.params");
            }
        }
    }

    /** Stops with the base's weighted layers listed when {@code layer} is not one of them. */
    private static void checkLayer(Network base, String layer) {
        List<String> weighted = base.layers().names().stream()
                .filter(name -> !base.layer(name).getParameters().isEmpty() && !(base.layer(name) instanceof BatchNormalization))
                .collect(Collectors.toList());
        if (!weighted.contains(layer)) {
            throw new LabException("--fine-tune-from " + layer + " is not a layer of " + base.name() + " with weights; pick one of "
                    + String.join(", ", weighted) + ".");
        }
    }
}
