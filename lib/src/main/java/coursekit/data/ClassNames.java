package coursekit.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads class-name lists: one name a line, as in classes.txt and CIFAR's batches.meta.txt. */
final class ClassNames {

    private ClassNames() {}

    static List<String> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new DatasetException(file + " cannot be read (" + e + "); check that it is a readable file.", e);
        }
    }

    /** Blank lines are skipped because CIFAR's meta files end with some. */
    static List<String> read(InputStream in, String name) {
        List<String> names = new ArrayList<>();
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String trimmed = line.strip().replace("\uFEFF", "");
                if (!trimmed.isEmpty()) {
                    names.add(trimmed);
                }
            }
        } catch (IOException e) {
            throw new DatasetException(name + " cannot be read (" + e + "); check that it is a readable file.", e);
        }
        if (names.isEmpty()) {
            throw new DatasetException(name + " names no classes; it needs one class name a line.");
        }
        return List.copyOf(names);
    }
}
