package coursekit.grading;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SandboxTest {

    @Test
    void theRootShowsOnlyWhatItIsGivenAndNothingWritableButItsOwnFolders() {
        String script = SandboxScript.build(Path.of("/scratch/root-1"),
                List.of(Path.of("/opt/jdk"), Path.of("/home/me/.m2/repository/a/b/lib.jar"), Path.of("/course/grading/target/classes")),
                512L << 20);
        assertTrue(script.contains("bind '/home/me/.m2/repository/a/b/lib.jar'"), script);
        assertTrue(script.contains("bind '/course/grading/target/classes'"), script);
        assertTrue(script.contains("mount --bind -o ro"), script);
        assertTrue(script.contains("size=512m,nosuid,nodev,noexec tmpfs \"$R$W\""), script);
        assertTrue(script.contains("noexec tmpfs \"$R/dev/shm\""), script);
        assertTrue(script.contains("exec chroot \"$R\""), script);
        assertFalse(script.contains("proc"), script);
        assertFalse(script.contains("/home/me/.m2\n"), script);
    }

    @Test
    void quotesPathsWithQuotes() {
        String script = SandboxScript.build(Path.of("/s/it's"), List.of(), 1L << 20);
        assertTrue(script.contains("R='/s/it'\\''s'"), script);
    }
}
