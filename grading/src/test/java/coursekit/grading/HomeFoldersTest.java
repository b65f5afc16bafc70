package coursekit.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Handing an assignment out through home folders and collecting it back, where the students own the folders. */
class HomeFoldersTest {

    @TempDir
    Path dir;

    private final PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    @Test
    void distributeHandsOutTheReleaseAndLeavesAStudentsWorkAsItIs() throws IOException {
        Path release = Files.createDirectories(dir.resolve("release/tests"));
        Files.writeString(dir.resolve("release/doubling.ipynb"), "released");
        Files.writeString(release.resolve("q1.jsh"), "//# test t\nassertTrue(true);");
        Path homes = Files.createDirectories(dir.resolve("home"));
        Files.createDirectories(homes.resolve("alice"));
        Files.writeString(Files.createDirectories(homes.resolve("bob/doubling")).resolve("doubling.ipynb"), "bob's work");
        Files.createSymbolicLink(homes.resolve("mallory"), dir);
        HomeFolders.Outcome outcome = HomeFolders.distribute(dir.resolve("release"), "doubling", homes, quiet);
        assertEquals(2, outcome.done(), "alice and bob; the link mallory is no home folder");
        assertEquals("released", Files.readString(homes.resolve("alice/doubling/doubling.ipynb")));
        assertEquals("bob's work", Files.readString(homes.resolve("bob/doubling/doubling.ipynb")));
        assertTrue(Files.isRegularFile(homes.resolve("bob/doubling/tests/q1.jsh")));
        assertFalse(Files.exists(dir.resolve("doubling")), "nothing was written through the link");
    }

    @Test
    void collectTakesEachStudentsOwnNotebookAndRefusesLinksStrangersAndNonNotebooks() throws IOException {
        Path homes = Files.createDirectories(dir.resolve("home"));
        Path alice = Fixtures.notebook(Files.createDirectories(homes.resolve("alice/doubling")).resolve("doubling.ipynb"), "int twice(int n) { return 2 * n; }");
        Files.createSymbolicLink(Files.createDirectories(homes.resolve("bob/doubling")).resolve("doubling.ipynb"), alice);
        Files.writeString(Files.createDirectories(homes.resolve("carol/doubling")).resolve("doubling.ipynb"), "{ not json");
        Files.createDirectories(homes.resolve("dave"));
        Files.createDirectories(homes.resolve("erin"));
        Files.createSymbolicLink(homes.resolve("erin/doubling"), homes.resolve("alice/doubling"));
        Path out = dir.resolve("submissions");
        HomeFolders.Outcome outcome = HomeFolders.collect(homes, "doubling", out, quiet);
        assertEquals(1, outcome.done(), String.join("\n", outcome.leftOut()));
        assertEquals(Files.readString(alice), Files.readString(out.resolve("alice.ipynb")));
        List<String> left = outcome.leftOut();
        assertTrue(left.contains("bob: its doubling/doubling.ipynb is a link, which is never followed; not collected."), left.toString());
        assertTrue(left.stream().anyMatch(l -> l.startsWith("carol: ") && l.contains("not a readable notebook")), left.toString());
        assertTrue(left.contains("dave: no doubling/doubling.ipynb."), left.toString());
        assertTrue(left.contains("erin: its doubling/doubling.ipynb is a link, which is never followed; not collected."), left.toString());
        try (var files = Files.list(out)) {
            assertEquals(List.of("alice.ipynb"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void aNotebookThatBelongsToSomeoneElseIsNotCollected() throws IOException {
        Path homes = Files.createDirectories(dir.resolve("home"));
        Path frank = Fixtures.notebook(Files.createDirectories(homes.resolve("frank/doubling")).resolve("doubling.ipynb"), "int x = 1;");
        UserPrincipal nobody = frank.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        boolean given;
        try {
            Files.setOwner(frank, nobody);
            given = Files.getOwner(frank).equals(nobody) && !Files.getOwner(homes.resolve("frank")).equals(nobody);
        } catch (IOException notRoot) {
            given = false;
        }
        Assumptions.assumeTrue(given, "giving a file to another user needs root");
        HomeFolders.Outcome outcome = HomeFolders.collect(homes, "doubling", dir.resolve("submissions"), quiet);
        assertEquals(0, outcome.done());
        assertEquals(List.of("frank: its doubling.ipynb belongs to nobody, not to the owner of the home folder; not collected."),
                outcome.leftOut());
    }
}
