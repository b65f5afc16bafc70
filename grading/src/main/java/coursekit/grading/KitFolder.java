package coursekit.grading;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The kit's class path gathered into one folder of the grader's, once per run: each jar hard-linked (or
 * copied, across file systems) and each class folder copied. A submission then sees this one folder,
 * read-only, and nothing else of the places the jars came from ({@code ~/.m2}, the repository); and the
 * sandbox needs one bind mount for it rather than one per jar.
 */
final class KitFolder {

    private KitFolder() {}

    /** Fills {@code dir} (made empty first) from {@code classPath} and returns the class path inside it. */
    static String prepare(Path dir, String classPath) throws IOException {
        Sandbox.deleteTree(dir);
        Files.createDirectories(dir);
        List<String> entries = new ArrayList<>();
        int n = 0;
        for (String entry : classPath.split(File.pathSeparator)) {
            Path from = Path.of(entry);
            if (!Files.exists(from)) {
                continue;
            }
            Path to = dir.resolve(String.format("%03d-%s", n++, from.getFileName()));
            if (Files.isDirectory(from)) {
                copyTree(from, to);
            } else {
                try {
                    Files.createLink(to, from);
                } catch (IOException | UnsupportedOperationException otherFileSystem) {
                    Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
            entries.add(to.toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (Files.isRegularFile(p)) {
                    Files.copy(p, target);
                }
            }
        }
    }
}
