package coursekit.train;

import java.nio.file.Path;
import java.util.Map;

/** Writes the history so far to a CSV file after every epoch, atomically, as Keras's {@code CSVLogger}. */
public final class CsvLogger implements Callback {

    private final Path file;

    private CsvLogger(Path file) {
        this.file = java.util.Objects.requireNonNull(file, "file");
    }

    public static CsvLogger to(Path file) {
        return new CsvLogger(file);
    }

    @Override
    public void onEpochEnd(Training training, int epoch, Map<String, Double> metrics) {
        training.history().writeCsv(file);
    }
}
