package coursekit.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Per-epoch metrics of a training run, keyed as Keras keys them: {@code loss}, {@code accuracy},
 * {@code val_loss}, {@code val_accuracy}.
 *
 * <p>{@link #fineTuningStart()} marks the epoch where a second training phase began when two
 * histories were joined with {@link #then(History)}.
 */
public final class History {

    /** Keras's history keys. */
    public static final String LOSS = "loss";
    public static final String ACCURACY = "accuracy";
    public static final String VAL_LOSS = "val_loss";
    public static final String VAL_ACCURACY = "val_accuracy";

    private final Map<String, List<Double>> values = new LinkedHashMap<>();
    private int epochs;
    private int fineTuningStart = -1;

    /** Appends one epoch's metrics; every epoch must report the same keys. */
    public void add(Map<String, Double> epochMetrics) {
        if (epochs > 0 && !values.keySet().equals(epochMetrics.keySet())) {
            throw new IllegalArgumentException("Epoch " + (epochs + 1) + " reports " + epochMetrics.keySet()
                    + " but earlier epochs reported " + values.keySet() + ".");
        }
        epochMetrics.forEach((key, value) -> values.computeIfAbsent(key, k -> new ArrayList<>()).add(value));
        epochs++;
    }

    /** Number of epochs recorded. */
    public int epochs() {
        return epochs;
    }

    /** The metric names, in the order they were first reported. */
    public Set<String> keys() {
        return Collections.unmodifiableSet(values.keySet());
    }

    /** The values of {@code key}, one per epoch. */
    public List<Double> get(String key) {
        List<Double> series = values.get(key);
        if (series == null) {
            throw new IllegalArgumentException("This history has no metric '" + key + "'; it has " + values.keySet() + ".");
        }
        return Collections.unmodifiableList(series);
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** The value of {@code key} after the last epoch. */
    public double last(String key) {
        List<Double> series = get(key);
        return series.get(series.size() - 1);
    }

    /** The largest value of {@code key} over all epochs (e.g. the best validation accuracy). */
    public double max(String key) {
        return get(key).stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /** The smallest value of {@code key} over all epochs (e.g. the lowest validation loss). */
    public double min(String key) {
        return get(key).stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    /** Metrics of epoch {@code index} (0-based). */
    public Map<String, Double> epoch(int index) {
        Map<String, Double> row = new LinkedHashMap<>();
        values.forEach((key, series) -> row.put(key, series.get(index)));
        return row;
    }

    /**
     * This history followed by {@code next}, e.g. feature extraction then fine-tuning; the join
     * remembers where {@code next} started.
     */
    public History then(History next) {
        History joined = copy();
        joined.fineTuningStart = epochs;
        for (int i = 0; i < next.epochs; i++) {
            joined.add(next.epoch(i));
        }
        return joined;
    }

    /** The 0-based epoch where the joined second phase starts, or -1 if this history is one phase. */
    public int fineTuningStart() {
        return fineTuningStart;
    }

    /**
     * Every metric smoothed by an exponential moving average, as the Keras-era books smooth a noisy
     * curve before reading it: each point becomes {@code factor * previous smoothed point + (1 - factor) * point}
     * (the first stays as it is). 0.8 is the usual factor; 0 leaves the curves unchanged. Read the
     * trend from the smoothed curve, the numbers from the raw one.
     */
    public History smoothed(double factor) {
        if (!(factor >= 0 && factor < 1)) {
            throw new IllegalArgumentException("The smoothing factor must be in [0, 1), but got factor=" + factor + ".");
        }
        History smooth = new History();
        Map<String, Double> previous = null;
        for (int i = 0; i < epochs; i++) {
            Map<String, Double> row = epoch(i);
            if (previous != null) {
                for (Map.Entry<String, Double> entry : row.entrySet()) {
                    entry.setValue(factor * previous.get(entry.getKey()) + (1 - factor) * entry.getValue());
                }
            }
            smooth.add(row);
            previous = row;
        }
        smooth.fineTuningStart = fineTuningStart;
        return smooth;
    }

    /** A copy that can be appended to without touching this one. */
    public History copy() {
        History copy = new History();
        for (int i = 0; i < epochs; i++) {
            copy.add(epoch(i));
        }
        copy.fineTuningStart = fineTuningStart;
        return copy;
    }

    /** A Tablesaw table: an {@code epoch} column (1-based) and one column per metric. */
    public Table toTable() {
        Table table = Table.create("history");
        int[] epochNumbers = new int[epochs];
        for (int i = 0; i < epochs; i++) {
            epochNumbers[i] = i + 1;
        }
        table.addColumns(IntColumn.create("epoch", epochNumbers));
        values.forEach((key, series) -> table.addColumns(DoubleColumn.create(key, series)));
        return table;
    }

    /** The history as CSV text: a header line {@code epoch,loss,...} and a line per epoch. */
    public String toCsv() {
        StringBuilder csv = new StringBuilder("epoch");
        values.keySet().forEach(key -> csv.append(',').append(key));
        csv.append('\n');
        for (int i = 0; i < epochs; i++) {
            csv.append(i + 1);
            for (List<Double> series : values.values()) {
                // Shortest exact form, so a history read back equals the one written.
                csv.append(',').append(series.get(i));
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    /** Writes {@link #toCsv()} to {@code file} atomically (a temporary file, then a move). */
    public void writeCsv(Path file) {
        coursekit.io.AtomicFiles.write(file, toCsv().getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a history written by {@link #writeCsv}. */
    public static History readCsv(Path file) {
        try {
            return fromCsv(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read history file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses {@link #toCsv()} text; {@code source} names it in errors. */
    public static History fromCsv(String csv, String source) {
        List<String> lines = csv.lines().filter(line -> !line.isBlank()).toList();
        if (lines.isEmpty() || !lines.get(0).startsWith("epoch")) {
            throw new IllegalArgumentException(source + " does not start with an 'epoch,...' header line.");
        }
        String[] header = lines.get(0).split(",");
        History history = new History();
        for (int line = 1; line < lines.size(); line++) {
            String[] cells = lines.get(line).split(",");
            if (cells.length != header.length) {
                throw new IllegalArgumentException(source + " line " + (line + 1) + " has " + cells.length
                        + " values but the header names " + header.length + ".");
            }
            Map<String, Double> row = new LinkedHashMap<>();
            for (int c = 1; c < header.length; c++) {
                row.put(header[c], Double.parseDouble(cells[c]));
            }
            history.add(row);
        }
        return history;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("History[" + epochs + " epochs");
        if (epochs > 0) {
            epoch(epochs - 1).forEach((key, value) -> text.append(String.format(Locale.ROOT, ", %s=%.4f", key, value)));
        }
        return text.append(']').toString();
    }
}
