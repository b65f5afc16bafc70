package coursekit.lab;

import coursekit.augment.Augmenter;
import coursekit.data.Split;
import coursekit.plot.Figure;
import coursekit.plot.Plots;
import coursekit.train.History;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * The lecture's second experiment: the same small convnet trained from scratch, now on randomly
 * transformed training images (Keras's {@code ImageDataGenerator} with the lecture's settings)
 * and with dropout 0.5 before the dense layer, so that training and validation accuracy stay
 * close for much longer than in {@link ScratchCnnLab}.
 *
 * <p>It also draws a gallery of augmented versions of one training image and, when a scratch-cnn
 * history is at hand ({@code --baseline}), a chart of both runs' gap between training and
 * validation accuracy.
 */
public final class AugmentationLab {

    static final String NAME = "augmentation";

    /**
     * Epochs of a default run: the lecture's 100. An epoch takes about 3 s on two CPU cores at
     * 64x64, so a default run takes about 5 minutes; with augmentation the network learns slowly.
     */
    static final int EPOCHS = 100;

    /** Augmented versions of one image in the gallery. */
    private static final int GALLERY = 7;

    private static final String GAP = "accuracy_gap";

    private AugmentationLab() {}

    static void run(String[] args) {
        Set<String> own = new HashSet<>(ScratchCnnLab.OPTIONS);
        own.add("baseline");
        LabSession session = LabSession.start(NAME, args, own);
        Path baseline = session.options().path("baseline", Path.of("out", ScratchCnnLab.NAME, "history.csv"));
        Split data = session.data(ScratchCnnLab.SIZE, ScratchCnnLab.SIZE_REASON);
        Augmenter augmenter = augmenter(session.seed());
        System.out.println("Augmenting every training batch anew each epoch with " + augmenter
                + "; validation and test images are never augmented.");
        Path gallery = session.out().resolve("augmentations.png");
        Plots.augmentations(data.train(), 0, augmenter, GALLERY).save(gallery);
        System.out.println("Wrote " + gallery + ": training image 0 and the versions of it that the first " + GALLERY
                + " epochs train on.");

        History history = ScratchCnnLab.train(session, data, EPOCHS, 0.5, augmenter, "from scratch with augmentation");
        compare(session.out(), history, baseline);
    }

    /** The lecture's augmentation ({@link Augmenter#lecture}), seeded with the lab's seed. */
    static Augmenter augmenter(long seed) {
        return Augmenter.lecture(seed);
    }

    /** Charts this run's validation accuracy and accuracy gap beside the scratch-cnn run's, when that run's history exists. */
    private static void compare(Path out, History augmented, Path baselineFile) {
        if (!Files.isRegularFile(baselineFile)) {
            System.out.println("No scratch-cnn history at " + baselineFile + " to compare with; run ./kit lab scratch-cnn first "
                    + "(or pass --baseline FILE) to get comparison.png.");
            return;
        }
        History scratch = History.readCsv(baselineFile);
        Map<String, History> runs = new LinkedHashMap<>();
        runs.put("scratch-cnn", scratch);
        runs.put("augmentation + dropout", augmented);
        Map<String, History> gaps = new LinkedHashMap<>();
        runs.forEach((name, history) -> gaps.put(name, gap(history)));
        XYChart gapChart = (XYChart) Plots.history(gaps, GAP).charts().get(0);
        gapChart.setTitle("Training minus validation accuracy");
        gapChart.setYAxisTitle("Accuracy gap");
        List<Chart<?, ?>> charts = List.of(Plots.history(runs, History.VAL_ACCURACY).charts().get(0), gapChart);
        Path file = out.resolve("comparison.png");
        Figure.of("Scratch CNN with and without augmentation", charts).save(file);
        System.out.println(String.format(Locale.ROOT,
                "Gap between training and validation accuracy after the last epoch: scratch-cnn %+.0f points (%d epochs), "
                        + "with augmentation and dropout %+.0f points (%d epochs). Wrote %s.",
                100 * gap(scratch).last(GAP), scratch.epochs(), 100 * gap(augmented).last(GAP), augmented.epochs(), file));
    }

    private static History gap(History history) {
        History gap = new History();
        for (int i = 0; i < history.epochs(); i++) {
            gap.add(Map.of(GAP, history.get(History.ACCURACY).get(i) - history.get(History.VAL_ACCURACY).get(i)));
        }
        return gap;
    }
}
