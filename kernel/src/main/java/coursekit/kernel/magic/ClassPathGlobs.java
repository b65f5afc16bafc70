package coursekit.kernel.magic;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Expands the paths of {@code %jars} and {@code %classpath}: a plain path, a folder (its jars, for
 * {@code %jars}) or a glob such as {@code lib/*.jar}, relative to the kernel's working directory.
 */
public final class ClassPathGlobs {

    private ClassPathGlobs() {}

    /** The jars that {@code pattern} names; empty when none match. */
    public static List<Path> jars(String pattern) throws IOException {
        Path plain = Path.of(pattern);
        if (!hasGlob(pattern)) {
            if (Files.isDirectory(plain)) {
                try (Stream<Path> files = Files.list(plain)) {
                    return files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
                }
            }
            return Files.isRegularFile(plain) ? List.of(plain.toAbsolutePath()) : List.of();
        }
        int firstGlob = firstGlobIndex(pattern);
        int cut = pattern.lastIndexOf('/', firstGlob);
        Path base = cut < 0 ? Path.of("").toAbsolutePath() : Path.of(pattern.substring(0, cut + 1)).toAbsolutePath();
        String rest = cut < 0 ? pattern : pattern.substring(cut + 1);
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(base, rest.contains("**") ? Integer.MAX_VALUE : rest.split("/").length)) {
            files.filter(Files::isRegularFile)
                    .filter(p -> matcher.matches(base.relativize(p)))
                    .sorted()
                    .forEach(found::add);
        }
        return found;
    }

    private static boolean hasGlob(String pattern) {
        return firstGlobIndex(pattern) >= 0;
    }

    private static int firstGlobIndex(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            if ("*?[{".indexOf(pattern.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
