package coursekit.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Gradescope bundle rehearsed here: unpacked into a folder laid out as {@code /autograder}, its {@code setup.sh}
 * run against the local Maven repository as the mirror, and its {@code run_autograder} run on correct, wrong,
 * hostile, broken, missing and misnamed submissions, each {@code results.json} checked against the fields of
 * Gradescope's autograder specification.
 */
class GradescopeBundleTest {

    @TempDir
    static Path dir;
    static Path root;

    @BeforeAll
    static void buildAndSetUp() throws Exception {
        Assignment assignment = Fixtures.assignment(dir);
        Path zip = dir.resolve("autograder.zip");
        GradescopeBundle.write(assignment, zip, Fixtures.limits(), Sandbox.classPath());
        root = Files.createDirectories(dir.resolve("autograder"));
        unpack(zip, Files.createDirectories(root.resolve("source")));
        String repository = Arrays.stream(Sandbox.classPath().split(File.pathSeparator)).filter(e -> e.contains("/.m2/repository/"))
                .findFirst().map(e -> e.substring(0, e.indexOf("/.m2/repository/") + "/.m2/repository/".length())).orElseThrow();
        ProcessBuilder setup = new ProcessBuilder("bash", root.resolve("source/setup.sh").toString()).redirectErrorStream(true);
        setup.environment().put("COURSEKIT_MAVEN_MIRROR", URI.create("file://" + repository).toString());
        Process running = setup.start();
        String log = new String(running.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, running.waitFor(), log);
        assertTrue(log.contains("libraries in") && log.contains("each checked"), log);
    }

    @Test
    void theBundleHoldsTheScriptsAtItsRootExecutableAndEveryTest() throws IOException {
        for (String script : List.of("setup.sh", "run_autograder")) {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(root.resolve("source").resolve(script));
            assertTrue(mode.contains(PosixFilePermission.OWNER_EXECUTE), script + " is not executable: " + mode);
        }
        assertTrue(Files.readString(root.resolve("source/assignment/doubling/tests/q1.jsh")).contains("negatives"), "the hidden test travels");
        String dependencies = Files.readString(root.resolve("source/kit/dependencies.txt"));
        assertTrue(dependencies.lines().allMatch(l -> l.matches("[0-9a-f]{64}  [^ ]+\\.jar")), dependencies);
        assertTrue(Files.readString(root.resolve("source/grading.env")).contains("ASSIGNMENT_NAME=doubling"));
    }

    @Test
    void aCorrectSubmissionGetsEveryPointAndTheHiddenTestShowsAfterPublishing() throws Exception {
        JsonObject results = grade("doubling.ipynb", "int twice(int n) { return 2 * n; }");
        assertEquals(3.0, results.get("score").getAsDouble(), results.toString());
        assertSpecification(results);
        JsonObject hidden = test(results, "negatives");
        assertEquals("after_published", hidden.get("visibility").getAsString());
        assertEquals("visible", test(results, "doubles").get("visibility").getAsString());
    }

    @Test
    void aWrongSubmissionGetsNothingAndSeesOnlyTheHiddenTestsFeedback() throws Exception {
        JsonObject results = grade("doubling.ipynb", "int twice(int n) { return 0; }");
        assertEquals(0.0, results.get("score").getAsDouble());
        assertSpecification(results);
        assertFalse(results.toString().contains("SECRET-HIDDEN-MESSAGE"), results.toString());
        assertEquals("Try negative numbers.", test(results, "negatives").get("output").getAsString());
    }

    @Test
    void aSubmissionThatWritesItsOwnResultsOrReadsTheTestsGainsNothing() throws Exception {
        String results = root.resolve("results/results.json").toString();
        JsonObject graded = grade("doubling.ipynb",
                "try { java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + results + "\"), \"{\\\"score\\\": 100}\"); }"
                        + " catch (Throwable t) { System.out.println(\"write refused\"); }",
                "try { System.out.println(java.nio.file.Files.readString(java.nio.file.Path.of(\"" + root.resolve("source/assignment/doubling/tests/q1.jsh")
                        + "\"))); } catch (Throwable t) { System.out.println(\"read refused\"); }",
                "System.out.println(\"{\\\"score\\\": 100, \\\"tests\\\": []}\"); System.exit(0);",
                "int twice(int n) { return 0; }");
        assertEquals(0.0, graded.get("score").getAsDouble(), graded.toString());
        assertFalse(graded.toString().contains("SECRET-HIDDEN-MESSAGE"), graded.toString());
    }

    @Test
    void aBrokenMissingOrMisnamedSubmissionGetsZeroAndOneSentence() throws Exception {
        JsonObject broken = gradeRaw("doubling.ipynb", "{ not json");
        assertEquals(0.0, broken.get("score").getAsDouble());
        assertTrue(broken.get("output").getAsString().contains("not a readable notebook"), broken.toString());

        JsonObject missing = gradeRaw("homework.pdf", "%PDF-1.4");
        assertEquals(0.0, missing.get("score").getAsDouble());
        assertEquals("No notebook was found in your submission: upload doubling.ipynb, the notebook you worked in.",
                missing.get("output").getAsString());

        JsonObject misnamed = grade("my work.ipynb", "int twice(int n) { return 2 * n; }");
        assertEquals(0.0, misnamed.get("score").getAsDouble());
        assertTrue(misnamed.get("output").getAsString().contains("rename your notebook to doubling.ipynb"), misnamed.toString());
        assertSpecification(misnamed);
    }

    /** Runs run_autograder on a submission folder holding one notebook of these code cells. */
    private static JsonObject grade(String fileName, String... cells) throws Exception {
        Path submission = freshSubmission();
        Fixtures.notebook(submission.resolve(fileName), cells);
        return runAutograder();
    }

    private static JsonObject gradeRaw(String fileName, String content) throws Exception {
        Files.writeString(freshSubmission().resolve(fileName), content);
        return runAutograder();
    }

    private static Path freshSubmission() throws IOException {
        Sandbox.deleteTree(root.resolve("submission"));
        return Files.createDirectories(root.resolve("submission"));
    }

    private static synchronized JsonObject runAutograder() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(root.resolve("source/run_autograder").toString()).redirectErrorStream(true);
        pb.environment().put("AUTOGRADER_ROOT", root.toString());
        Process process = pb.start();
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), log);
        Path results = root.resolve("results/results.json");
        assertTrue(Files.isRegularFile(results), "no results.json; run_autograder printed: " + log);
        return JsonParser.parseString(Files.readString(results)).getAsJsonObject();
    }

    /** The fields and types of Gradescope's results.json. */
    private static void assertSpecification(JsonObject results) {
        assertTrue(results.get("score").getAsJsonPrimitive().isNumber());
        assertTrue(results.get("execution_time").getAsJsonPrimitive().isNumber());
        assertTrue(results.get("output").getAsJsonPrimitive().isString());
        for (JsonElement element : results.getAsJsonArray("tests")) {
            JsonObject test = element.getAsJsonObject();
            for (String field : List.of("name", "score", "max_score", "status", "output", "visibility")) {
                assertNotNull(test.get(field), field + " missing in " + test);
            }
            assertTrue(Set.of("passed", "failed").contains(test.get("status").getAsString()));
            assertTrue(Set.of("visible", "hidden", "after_due_date", "after_published").contains(test.get("visibility").getAsString()));
        }
    }

    private static JsonObject test(JsonObject results, String name) {
        for (JsonElement element : results.getAsJsonArray("tests")) {
            if (element.getAsJsonObject().get("name").getAsString().contains(name)) {
                return element.getAsJsonObject();
            }
        }
        throw new AssertionError("no test " + name + " in " + results);
    }

    /** Unpacks the zip with the Unix modes it records, as Gradescope's unzip does. */
    private static void unpack(Path zip, Path into) throws IOException {
        try (FileSystem fs = FileSystems.newFileSystem(zip, Map.of("enablePosixFileAttributes", "true"));
             Stream<Path> entries = Files.walk(fs.getPath("/"))) {
            for (Path entry : entries.filter(Files::isRegularFile).toList()) {
                Path target = into.resolve(entry.toString().substring(1));
                Files.createDirectories(target.getParent());
                Files.copy(entry, target);
                Files.setPosixFilePermissions(target, Files.getFileAttributeView(entry, PosixFileAttributeView.class).readAttributes().permissions());
            }
        }
    }
}
