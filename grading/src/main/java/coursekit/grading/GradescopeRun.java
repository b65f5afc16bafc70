package coursekit.grading;

import com.google.gson.JsonArray;
import coursekit.io.AtomicFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One submission on Gradescope ({@code run_autograder} calls {@code GradeMain autograde}): the notebook named
 * after the assignment in {@code ROOT/submission} is graded as {@code ./kit grade} grades, and its
 * {@code results.json} is written to {@code ROOT/results/}. A submission without that notebook gets a score of
 * 0 and one sentence; nothing here ends without a result.
 */
final class GradescopeRun {

    private GradescopeRun() {}

    static void run(Assignment assignment, Path root, Grader.Limits limits, PrintStream log) throws IOException {
        Path results = root.resolve("results").resolve("results.json");
        String expected = assignment.name() + ".ipynb";
        List<Path> notebooks = notebooks(root.resolve("submission"));
        List<Path> named = notebooks.stream().filter(p -> p.getFileName().toString().equalsIgnoreCase(expected)).toList();
        String problem = null;
        if (notebooks.isEmpty()) {
            problem = "No notebook was found in your submission: upload " + expected + ", the notebook you worked in.";
        } else if (named.isEmpty()) {
            problem = "The autograder grades " + expected + ", but your submission has " + names(notebooks)
                    + ": rename your notebook to " + expected + " and submit it again.";
        } else if (named.size() > 1) {
            problem = "Your submission has " + named.size() + " notebooks called " + expected + " (" + names(named)
                    + "): submit only one.";
        }
        if (problem != null) {
            log.println(problem);
            AtomicFiles.write(results, zero(problem).getBytes(StandardCharsets.UTF_8));
            return;
        }
        Path work = Files.createTempDirectory("coursekit-autograde-");
        try {
            Path submissions = Files.createDirectories(work.resolve("submissions"));
            Files.copy(named.get(0), submissions.resolve("submission.ipynb"));
            Path out = work.resolve("grades");
            new Grader(assignment, submissions, out, 1, limits, Sandbox.Isolation.detect(), log).grade();
            AtomicFiles.write(results, Files.readAllBytes(out.resolve("gradescope").resolve("submission").resolve("results.json")));
        } finally {
            Sandbox.deleteTree(work);
        }
    }

    /** The regular files ending in {@code .ipynb} in {@code folder} and below (links are not followed). */
    private static List<Path> notebooks(Path folder) throws IOException {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder, 4)) {
            return files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ipynb")).sorted().toList();
        }
    }

    private static String names(List<Path> files) {
        return files.stream().map(p -> p.getFileName().toString()).limit(5).collect(Collectors.joining(", "))
                + (files.size() > 5 ? " and " + (files.size() - 5) + " more" : "");
    }

    /** Gradescope's results for a submission that could not be graded. */
    static String zero(String sentence) {
        return Reports.gradescope(0, 0, sentence, new JsonArray());
    }
}
