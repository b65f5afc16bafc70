package coursekit.plot;

import coursekit.augment.Augmenter;
import coursekit.cl.AccuracyMatrix;
import coursekit.data.ImageSet;
import coursekit.train.History;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * Charts and image grids for notebooks, each returned as a {@link Figure}:
 * {@code display(Plots.history(hist))}.
 *
 * <p>Series are named by Keras's history keys ({@code loss}, {@code accuracy}, {@code val_loss},
 * {@code val_accuracy}) so that the legend reads like the lecture's and tests can find them.
 */
public final class Plots {

    /** The most images {@link #images} shows in one grid. */
    public static final int MAX_IMAGES = ImageGrid.MAX_IMAGES;

    /** Name of the vertical marker series drawn where a joined history's fine-tuning phase began. */
    public static final String FINE_TUNING = "start fine-tuning";

    /** Axis titles of the history charts, as in the lecture's plots. */
    static final String EPOCHS = "Epochs";
    static final String ACCURACY_AXIS = "Accuracy";
    static final String LOSS_AXIS = "Loss";

    private Plots() {}

    /**
     * The lecture's two training plots side by side: "Training and validation accuracy" and
     * "Training and validation loss", training values as dots and validation values as a line, over
     * epochs 1..n.
     *
     * <p>A history without validation keys shows training only; one without {@code accuracy} shows
     * only the loss panel. When the history joins two phases ({@link History#fineTuningStart()} is
     * 0 or more), a dashed vertical series named {@value #FINE_TUNING} marks the boundary between
     * the phases, at x = fineTuningStart + 0.5, in both panels.
     */
    public static Figure history(History h) {
        Objects.requireNonNull(h, "history");
        if (h.epochs() == 0) {
            throw new IllegalArgumentException("Cannot plot a history with no epochs; train for at least one epoch first.");
        }
        List<XYChart> panels = new ArrayList<>();
        if (h.has(History.ACCURACY)) {
            panels.add(historyPanel(h, "Training and validation accuracy", ACCURACY_AXIS, History.ACCURACY, History.VAL_ACCURACY));
        }
        if (h.has(History.LOSS)) {
            panels.add(historyPanel(h, "Training and validation loss", LOSS_AXIS, History.LOSS, History.VAL_LOSS));
        }
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("This history has neither '" + History.LOSS + "' nor '" + History.ACCURACY
                    + "' but " + h.keys() + "; plot its metrics with Plots.history(Map.of(\"run\", history), key).");
        }
        return Figure.of("Training history", panels);
    }

    /**
     * One chart comparing several runs on one metric, one line per run named by its map key: e.g.
     * {@code Plots.history(Map.of("scratch", h1, "augmentation", h2), "val_accuracy")}. Pass an
     * ordered map (e.g. {@code LinkedHashMap}) to fix the legend's order.
     */
    public static Figure history(Map<String, History> runs, String metric) {
        Objects.requireNonNull(metric, "metric");
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("Plots.history needs at least one run to compare on '" + metric + "', but got none.");
        }
        XYChart chart = Style.xyChart(describe(metric), EPOCHS, axisTitle(metric));
        int longest = runs.values().stream().mapToInt(History::epochs).max().orElse(0);
        Style.wholeNumberXLabels(chart, longest);
        int index = 0;
        for (Map.Entry<String, History> run : runs.entrySet()) {
            History h = run.getValue();
            if (!h.has(metric) || h.epochs() == 0) {
                throw new IllegalArgumentException("Run '" + run.getKey() + "' has no values of '" + metric
                        + "'; its history has " + h.keys() + " over " + h.epochs() + " epochs.");
            }
            XYSeries series = chart.addSeries(run.getKey(), oneToN(h.epochs()), values(h, metric));
            Style.lineWithDots(series, Style.cycle(index++));
        }
        return Figure.of(describe(metric) + " by run", chart);
    }

    /**
     * The images at {@code indices} in a grid, each captioned with its class name and enlarged (nearest
     * neighbour) to at least 96 pixels. Two or more indices are needed to choose this overload; for one
     * image pass {@code new int[] {i}}, since {@code images(set, i)} shows the first {@code i}.
     *
     * @throws IllegalArgumentException for no indices, more than {@value #MAX_IMAGES}, or an index outside the set
     */
    public static Figure images(ImageSet images, int... indices) {
        Objects.requireNonNull(images, "images");
        if (indices.length == 0) {
            throw new IllegalArgumentException("Plots.images needs at least one image index, but got none.");
        }
        checkCount(indices.length);
        for (int index : indices) {
            if (index < 0 || index >= images.size()) {
                throw new IllegalArgumentException("Image index " + index + " is outside 0.." + (images.size() - 1)
                        + " of this set of " + images.size() + " images.");
            }
        }
        return Figure.of(indices.length + " selected images", new ImageGrid(images.subset(indices)));
    }

    /**
     * {@code count} images in a grid (all of them if the set holds fewer), taken from each class in turn:
     * the first image of every class, then the second of every class, ..., so that a set sorted by class
     * still shows all its classes. Each is captioned with its class name and enlarged (nearest
     * neighbour) to at least 96 pixels.
     *
     * @throws IllegalArgumentException if {@code count} is below 1 or above {@value #MAX_IMAGES}, or the set is empty
     */
    public static Figure images(ImageSet images, int count) {
        Objects.requireNonNull(images, "images");
        if (count < 1) {
            throw new IllegalArgumentException("Plots.images needs a count of at least 1, but got count=" + count + ".");
        }
        checkCount(count);
        if (images.size() == 0) {
            throw new IllegalArgumentException("Cannot show images of an empty image set.");
        }
        int[] chosen = eachClassInTurn(images.labels(), images.numClasses(), Math.min(count, images.size()));
        return Figure.of(chosen.length + " images, each class in turn", new ImageGrid(images.subset(chosen)));
    }

    /** The first {@code count} indices when taking the next image of each class in turn, in set order within a class. */
    static int[] eachClassInTurn(int[] labels, int classes, int count) {
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < Math.max(classes, 1); c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            byClass.get(Math.floorMod(labels[i], byClass.size())).add(i);
        }
        int[] chosen = new int[count];
        int filled = 0;
        for (int round = 0; filled < count; round++) {
            for (List<Integer> members : byClass) {
                if (round < members.size() && filled < count) {
                    chosen[filled++] = members.get(round);
                }
            }
        }
        return chosen;
    }

    /**
     * Image {@code index} and {@code n} augmented versions of it in a grid, captioned "original" and
     * "augmented 1" to "augmented n": what the lecture shows to explain augmentation. The versions are
     * those {@code fit} feeds the network for this image in its first n epochs
     * ({@link Augmenter#versions}), so the same augmenter seed always shows the same gallery.
     *
     * @throws IllegalArgumentException if {@code index} is outside the set or {@code n} is not in 1..{@value #MAX_IMAGES} - 1
     */
    public static Figure augmentations(ImageSet images, int index, Augmenter augmenter, int n) {
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(augmenter, "augmenter");
        if (index < 0 || index >= images.size()) {
            throw new IllegalArgumentException("Image index " + index + " is outside 0.." + (images.size() - 1)
                    + " of this set of " + images.size() + " images.");
        }
        if (n < 1 || n > MAX_IMAGES - 1) {
            throw new IllegalArgumentException("Plots.augmentations shows 1 to " + (MAX_IMAGES - 1)
                    + " augmented versions next to the original, but got n=" + n + ".");
        }
        int bytes = images.imageBytes();
        byte[] pixels = new byte[(n + 1) * bytes];
        int[] labels = new int[n + 1];
        List<String> captions = new ArrayList<>(List.of("original"));
        images.copyImage(index, pixels, 0);
        ImageSet versions = augmenter.versions(images, index, n);
        for (int k = 1; k <= n; k++) {
            versions.copyImage(k - 1, pixels, k * bytes);
            labels[k] = k;
            captions.add("augmented " + k);
        }
        // The grid captions each image by its class name, so each cell gets a "class" of its own.
        ImageSet gallery = ImageSet.of(pixels, labels, images.height(), images.width(), images.channels(), captions);
        return Figure.of(n + " augmentations of image " + index, new ImageGrid(gallery));
    }

    /**
     * The first {@code count} images with the class a network predicted for each, as the lecture shows its test
     * photos: right ones captioned with the class, mistakes framed in red and captioned "predicted (true: ...)".
     *
     * @param predicted the predicted class of every image of {@code images}, e.g. {@code model.predict(images)}
     */
    public static Figure predictions(ImageSet images, int[] predicted, int count) {
        Objects.requireNonNull(images, "images");
        if (predicted.length != images.size()) {
            throw new IllegalArgumentException("Plots.predictions needs one prediction per image (" + images.size() + "), but got "
                    + predicted.length + ".");
        }
        checkCount(count);
        int shown = Math.min(count, images.size());
        List<String> names = images.classNames();
        List<String> captions = new ArrayList<>();
        boolean[] wrong = new boolean[shown];
        int mistakes = 0;
        for (int i = 0; i < shown; i++) {
            if (predicted[i] < 0 || predicted[i] >= names.size()) {
                throw new IllegalArgumentException("Prediction " + predicted[i] + " of image " + i + " is not one of the "
                        + names.size() + " classes " + names + ".");
            }
            wrong[i] = predicted[i] != images.label(i);
            mistakes += wrong[i] ? 1 : 0;
            captions.add(wrong[i] ? names.get(predicted[i]) + " (true: " + names.get(images.label(i)) + ")" : names.get(predicted[i]));
        }
        int[] first = java.util.stream.IntStream.range(0, shown).toArray();
        return Figure.of(shown + " images and their predicted classes, " + mistakes + " mistake" + (mistakes == 1 ? "" : "s")
                + " framed in red", new ImageGrid(images.subset(first), captions, wrong));
    }

    /**
     * A line chart of one or more curves over x = 1..n, one series per map entry, named by its key;
     * every series must have the same length n.
     */
    public static Figure line(String title, String xLabel, String yLabel, Map<String, double[]> series) {
        int length = series.values().stream().mapToInt(y -> y.length).max().orElse(0);
        Figure figure = line(title, xLabel, yLabel, oneToN(length), series);
        Style.wholeNumberXLabels((XYChart) figure.charts().get(0), length);
        return figure;
    }

    /**
     * A line chart of one or more curves over shared x values, one series per map entry, named by its
     * key: e.g. accuracy against the number of classes seen, with {@code x = {10, 20, ..., 100}}.
     *
     * @throws IllegalArgumentException if there are no series or a series' length differs from {@code x}'s
     */
    public static Figure line(String title, String xLabel, String yLabel, double[] x, Map<String, double[]> series) {
        Objects.requireNonNull(title, "title");
        if (series.isEmpty()) {
            throw new IllegalArgumentException("Chart '" + title + "' needs at least one series, but got none.");
        }
        XYChart chart = Style.xyChart(title, xLabel, yLabel);
        int index = 0;
        for (Map.Entry<String, double[]> curve : series.entrySet()) {
            double[] y = curve.getValue();
            if (y.length == 0 || y.length != x.length) {
                throw new IllegalArgumentException("Series '" + curve.getKey() + "' of chart '" + title + "' has " + y.length
                        + " values but there are " + x.length + " x values; give every series one value per x.");
            }
            Style.lineWithDots(chart.addSeries(curve.getKey(), x.clone(), y.clone()), Style.cycle(index++));
        }
        return Figure.of(title, chart);
    }

    /**
     * Continual learning's main chart: average accuracy on the classes seen so far against their number, one line per
     * strategy ({@link AccuracyMatrix#strategy()}), the mean over its runs with the standard deviation as error bars
     * when there are several (e.g. seeds). Series are named by strategy.
     */
    public static Figure accuracyByClassesSeen(List<AccuracyMatrix> runs) {
        return ContinualCharts.accuracyByClassesSeen(runs);
    }

    /**
     * A heatmap of the accuracy matrix {@code R}: row {@code after experience i}, column {@code exp j}, each cell the
     * accuracy in percent (white 0, blue 100), experience 0 on top; cells not measured are left blank.
     */
    public static Figure accuracyMatrix(AccuracyMatrix matrix) {
        return ContinualCharts.accuracyMatrix(matrix);
    }

    /** One panel of {@link #history(History)}: training as dots, validation (if recorded) as a line. */
    private static XYChart historyPanel(History h, String title, String yLabel, String trainKey, String valKey) {
        XYChart chart = Style.xyChart(title, EPOCHS, yLabel);
        double[] x = oneToN(h.epochs());
        Style.dots(chart.addSeries(trainKey, x, values(h, trainKey)), Style.PALETTE[0]);
        if (h.has(valKey)) {
            Style.line(chart.addSeries(valKey, x.clone(), values(h, valKey)), Style.PALETTE[0]);
        }
        if (h.fineTuningStart() >= 0) {
            addFineTuningRule(chart, h.fineTuningStart() + 0.5);
        }
        Style.wholeNumberXLabels(chart, h.epochs());
        return chart;
    }

    /** A vertical line at {@code x} spanning the values already in {@code chart}. */
    private static void addFineTuningRule(XYChart chart, double x) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (XYSeries series : chart.getSeriesCollection()) {
            for (double y : series.getYData()) {
                if (Double.isFinite(y)) {
                    low = Math.min(low, y);
                    high = Math.max(high, y);
                }
            }
        }
        if (low > high) {
            low = 0;
            high = 1;
        } else if (high - low < 1e-12) {
            // Flat curves would give a rule of no length, which draws nothing.
            double pad = Math.max(Math.abs(high) * 0.1, 0.05);
            low -= pad;
            high += pad;
        }
        Style.rule(chart.addSeries(FINE_TUNING, new double[] {x, x}, new double[] {low, high}));
    }

    /** 1, 2, ..., n: x values counted from one, as Keras counts epochs. */
    private static double[] oneToN(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
        }
        return x;
    }

    private static double[] values(History h, String key) {
        return h.get(key).stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void checkCount(int count) {
        if (count > MAX_IMAGES) {
            throw new IllegalArgumentException("Plots.images shows at most " + MAX_IMAGES + " images, but got " + count
                    + "; pick fewer, e.g. the first " + MAX_IMAGES + ".");
        }
    }

    /** A chart title for a Keras key: {@code val_accuracy} reads "Validation accuracy". */
    private static String describe(String metric) {
        if (metric.startsWith("val_")) {
            return "Validation " + metric.substring(4).replace('_', ' ');
        }
        if (metric.equals(History.LOSS) || metric.equals(History.ACCURACY)) {
            return "Training " + metric;
        }
        return metric;
    }

    private static String axisTitle(String metric) {
        if (metric.endsWith("accuracy")) {
            return ACCURACY_AXIS;
        }
        return metric.endsWith("loss") ? LOSS_AXIS : metric;
    }
}
