package coursekit.kernel.eval;

import static coursekit.kernel.testing.SharedEvaluator.run;
import static coursekit.kernel.testing.SharedEvaluator.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coursekit.kernel.testing.Jars;
import coursekit.kernel.testing.RecordingOutput;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared evaluator resolves Maven offline, from the local repository only, so these tests never
 * touch the network; junit:junit:4.13.2 is in the local repository because the build itself uses it.
 */
class MagicsTest {

    @Test
    void mavenResolvesWithTransitiveDependenciesFromTheLocalRepository() {
        RecordingOutput output = new RecordingOutput();
        CellResult result = run("%maven junit:junit:4.13.2", output);
        assertTrue(result.ok(), () -> result.error().text());
        assertTrue(output.stdout().contains("junit-4.13.2.jar"), output.stdout());
        assertTrue(output.stdout().contains("hamcrest-core-1.3.jar"), output.stdout());
        assertEquals("org.hamcrest.CoreMatchers", value("org.hamcrest.CoreMatchers.class.getName()"));
        assertEquals("true", value("import org.junit.Assert;\nAssert.class.getClassLoader() != ClassLoader.getSystemClassLoader()"));
    }

    @Test
    void mavenFailureIsAnErrorOfTheCell() {
        RecordingOutput output = new RecordingOutput();
        CellResult result = run("%maven no.such.group:no-such-artifact:9.9.9\nint afterMaven = 1;", output);
        assertEquals("MavenError", result.error().name());
        assertTrue(result.error().value().startsWith("Cannot resolve no.such.group:no-such-artifact:9.9.9"), result.error().value());
        assertEquals("CompileError", run("afterMaven").error().name(), "the cell stopped at the failed magic");
    }

    @Test
    void mavenWithBadCoordinatesSaysHowToWriteThem() {
        CellResult result = run("%maven just-a-name");
        assertEquals("MavenError", result.error().name());
        assertTrue(result.error().value().contains("group:artifact:version"), result.error().value());
    }

    @Test
    void jarsAddsJarsMatchingAGlob(@TempDir Path dir) throws Exception {
        Path classes = Jars.compile(dir, "Greeter", "package demo; public class Greeter { public static String hi() { return \"hi from a jar\"; } }");
        Jars.pack(classes, dir.resolve("libs/greeter.jar"));
        assertTrue(run("%jars " + dir.resolve("libs") + "/*.jar").ok());
        assertEquals("hi from a jar", value("demo.Greeter.hi()"));
    }

    @Test
    void jarsMatchingNothingIsAnError(@TempDir Path dir) {
        CellResult result = run("%jars " + dir + "/*.jar");
        assertEquals("MagicError", result.error().name());
        assertTrue(result.error().value().contains("matches nothing"), result.error().value());
    }

    @Test
    void classpathAddsAFolderOfClasses(@TempDir Path dir) throws Exception {
        Path classes = Jars.compile(dir, "Counter", "package demo2; public class Counter { public static int three() { return 3; } }");
        assertTrue(run("%classpath " + classes).ok());
        assertEquals("3", value("demo2.Counter.three()"));
    }

    @Test
    void loadRunsAFileOfCode(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("helpers.jsh");
        Files.writeString(file, "int loadedValue = 99;\nString shout(String s) { return s.toUpperCase(); }\n");
        assertTrue(run("%load " + file).ok());
        assertEquals("HELLO 99", value("shout(\"hello \") + loadedValue"));
    }

    @Test
    void loadOfAMissingFileIsAnError(@TempDir Path dir) {
        assertEquals("MagicError", run("%load " + dir.resolve("missing.jsh")).error().name());
    }

    @Test
    void unknownMagicIsAnErrorListingTheKnownOnes() {
        CellResult result = run("%pip install numpy");
        assertEquals("UnknownMagic", result.error().name());
        assertTrue(result.error().value().contains("%maven"), result.error().value());
    }
}
