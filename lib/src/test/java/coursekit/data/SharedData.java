package coursekit.data;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the lecture's real photos that tests read: {@code cats_and_dogs_small/} in the data folder
 * ({@code COURSEKIT_DATA}, property {@code coursekit.data}, else {@code ~/.coursekit/datasets}), which
 * {@code ./kit test} fills with {@code ./kit fetch cats-and-dogs} before the tests run; else a local copy in
 * {@code shared/data} beside the repository or one of its parent folders. When neither holds them the tests that
 * need them fail, never skip: a run without the photos must not pass quietly.
 */
public final class SharedData {

    private SharedData() {}

    /** The {@code cats_and_dogs_small} folder; fails the calling test when there is none. */
    public static Path catsAndDogs() {
        Path fetched = Datasets.catsAndDogsFolder().toAbsolutePath();
        if (Files.isDirectory(fetched)) {
            return fetched;
        }
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data").resolve(CatsAndDogs.FOLDER);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        fail("The lecture's photos are not in " + fetched + ": run ./kit fetch cats-and-dogs (./kit test does it first), or "
                + "set " + Datasets.DATA_ENV + " to the folder holding " + CatsAndDogs.FOLDER + "/.");
        return null;
    }

    /** The first {@code count} photos, by name, of {@code part/className} in the real folder. */
    public static List<Path> photos(String part, String className, int count) {
        try (Stream<Path> files = Files.list(catsAndDogs().resolve(part).resolve(className))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jpg")).sorted().limit(count).toList();
        } catch (IOException e) {
            fail("Cannot list the photos of " + part + "/" + className + ": " + e);
            return null;
        }
    }

    /** Copies {@code count} real photos of each class into {@code root/part/{cats,dogs}/} for each part. */
    public static void copyLayout(Path root, int count) throws IOException {
        for (String part : CatsAndDogs.PARTS) {
            for (String className : List.of("cats", "dogs")) {
                Path folder = Files.createDirectories(root.resolve(part).resolve(className));
                for (Path photo : photos(part, className, count)) {
                    Files.copy(photo, folder.resolve(photo.getFileName()));
                }
            }
        }
    }
}
