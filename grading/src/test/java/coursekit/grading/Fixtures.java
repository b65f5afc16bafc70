package coursekit.grading;

import coursekit.kernel.run.NotebookFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A tiny assignment (one method, a public and a hidden test) that grades in seconds. */
final class Fixtures {

    static final String PUBLIC_TESTS = """
            //# test doubles points=2
            assertEquals(6, twice(3), "twice(3) should be 6");
            """;
    static final String HIDDEN_TESTS = """
            //# test negatives hidden feedback="Try negative numbers."
            assertEquals(-8, twice(-4), "SECRET-HIDDEN-MESSAGE");
            """;

    private Fixtures() {}

    static Assignment assignment(Path dir) throws IOException {
        Path folder = dir.resolve("doubling");
        Files.createDirectories(folder.resolve("tests"));
        Files.writeString(folder.resolve("tests/q1.jsh"), PUBLIC_TESTS + HIDDEN_TESTS);
        notebook(folder.resolve("source.ipynb"), """
                int twice(int n) {
                    // BEGIN SOLUTION hint: return n doubled
                    return 2 * n;
                    // END SOLUTION
                }""", "check(\"q1\");");
        return Assignment.open(folder);
    }

    static Path notebook(Path file, String... cells) {
        NotebookFile.of(List.of(cells)).write(file);
        return file;
    }

    static Grader.Limits limits() {
        return new Grader.Limits(Duration.ofSeconds(6), Duration.ofSeconds(5), Duration.ofSeconds(90), "384m", 8L << 20);
    }
}
