package coursekit.lab;

import coursekit.Kit;
import coursekit.data.Datasets;
import coursekit.data.ImageFolder;
import coursekit.data.ImageSet;
import coursekit.data.Split;
import coursekit.model.Models;
import coursekit.model.Network;
import coursekit.plot.Plots;
import coursekit.train.Evaluation;
import coursekit.train.Fit;
import coursekit.train.FitConfig;
import coursekit.train.History;
import coursekit.train.Optimizers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * The lecture's first experiment: a small convnet trained from scratch on 2,000 images of cats
 * and dogs, which learns the training set far better than it generalises (overfitting).
 *
 * <p>By default it runs on the embedded 32x32 CIFAR-10 cats and dogs, upsampled to 64x64: the
 * lecture's four unpadded 3x3 convolution + 2x2 pooling stages need at least 46 pixels a side.
 * With {@code --data DIR} (the lecture's {@code cats_and_dogs_small} with {@code train/},
 * {@code validation/}, {@code test/}) it runs the lecture's own setting at 150x150.
 */
public final class ScratchCnnLab {

    static final String NAME = "scratch-cnn";
    private static final Set<String> OPTIONS = Set.of("epochs", "data", "out", "size", "batch-size", "lr", "seed", "dropout", "resume");

    private ScratchCnnLab() {}

    static void run(String[] args) {
        LabArgs options = LabArgs.parse(NAME, args, OPTIONS);
        Path out = options.path("out", Path.of("out", NAME));
        long seed = Kit.seed(options.integer("seed", 42));
        int epochs = Kit.epochs(options.integer("epochs", 30));
        Split data = load(options, seed);
        double dropout = options.decimal("dropout", 0.0);

        System.out.println("Data: " + data);
        try (Network model = Models.lectureCnn(data.imageShape(), 1, dropout)) {
            System.out.println(model.summary());
            FitConfig config = FitConfig.epochs(epochs)
                    .batchSize(options.integer("batch-size", 20))
                    .optimizer(Optimizers.rmsprop(options.decimal("lr", 1e-4)))
                    .seed(seed)
                    .checkpoint(out.resolve("checkpoint"))
                    .resume(Boolean.parseBoolean(options.string("resume", "false")));
            System.out.println("Training " + epochs + " epochs on " + Kit.device() + " with " + config.optimizer()
                    + ", batch " + config.batchSize() + (Kit.quick() ? " (quick mode)" : "") + ".");
            History history = Fit.fit(model, data, config);
            Evaluation test = Fit.evaluate(model, data.test());
            report(history, test);
            save(out, model, history);
        }
    }

    private static Split load(LabArgs options, long seed) {
        if (options.has("data")) {
            Path root = options.path("data", null);
            int size = options.integer("size", 150);
            for (String part : new String[] {"train", "validation", "test"}) {
                if (!Files.isDirectory(root.resolve(part))) {
                    throw new LabException(root + " has no " + part + "/ folder; --data expects the lecture's layout "
                            + "DIR/{train,validation,test}/<class>/*.jpg.");
                }
            }
            System.out.println("Reading " + root + " at " + size + "x" + size + " pixels.");
            return new Split(ImageFolder.load(root.resolve("train"), size, size),
                    ImageFolder.load(root.resolve("validation"), size, size),
                    ImageFolder.load(root.resolve("test"), size, size));
        }
        int size = options.integer("size", 64);
        ImageSet catsDogs = Datasets.catsDogs32();
        System.out.println("Using the embedded cats-dogs-32 set (2,000 CIFAR-10 images, 32x32), upsampled to " + size + "x" + size
                + ": the lecture CNN's four unpadded 3x3 conv + 2x2 pool stages need at least 46 pixels a side.");
        return catsDogs.split(0.5, 0.25, 0.25, seed).resize(size, size);
    }

    private static void report(History history, Evaluation test) {
        double train = history.last(History.ACCURACY);
        double val = history.last(History.VAL_ACCURACY);
        System.out.println(String.format(Locale.ROOT,
                "Final: training accuracy %.3f, validation accuracy %.3f (best %.3f), test accuracy %.3f.",
                train, val, history.max(History.VAL_ACCURACY), test.accuracy()));
        double gap = train - val;
        if (gap > 0.1) {
            System.out.println(String.format(Locale.ROOT,
                    "Training accuracy is %.0f points above validation accuracy, and validation loss bottomed out at epoch %d: "
                            + "the network memorises its 1,000 training images, the overfitting the lecture describes.",
                    gap * 100, argMin(history, History.VAL_LOSS) + 1));
        } else {
            System.out.println(String.format(Locale.ROOT,
                    "Training accuracy is only %.0f points above validation accuracy: not yet overfitting; train longer (--epochs).",
                    gap * 100));
        }
    }

    private static int argMin(History history, String key) {
        int best = 0;
        for (int i = 1; i < history.epochs(); i++) {
            if (history.get(key).get(i) < history.get(key).get(best)) {
                best = i;
            }
        }
        return best;
    }

    private static void save(Path out, Network model, History history) {
        history.writeCsv(out.resolve("history.csv"));
        Plots.history(history).save(out.resolve("curves.png"));
        model.save(out.resolve("lecture_cnn.params"));
        System.out.println("Wrote " + out.resolve("history.csv") + ", " + out.resolve("curves.png") + " and "
                + out.resolve("lecture_cnn.params") + ".");
    }
}
