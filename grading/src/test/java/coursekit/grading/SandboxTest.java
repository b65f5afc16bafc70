package coursekit.grading;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SandboxTest {

    private static final List<Path> HIDDEN = List.of(Path.of("/course/assignments/a1"), Path.of("/course/submissions"));

    @Test
    void tmpIsCoveredWhenNothingTheJvmNeedsLivesThere() {
        String script = Sandbox.coverScript(HIDDEN, List.of("/opt/jdk", "/home/me/.m2/lib.jar"));
        assertTrue(script.contains("mount -t tmpfs -o size=256m tmpfs /tmp\n"), script);
        assertTrue(script.contains("mount -t tmpfs -o size=256m tmpfs '/course/submissions'"), script);
        assertTrue(script.contains("cd '/tmp/work'"), script);
    }

    @Test
    void aCheckoutInTmpKeepsTmpAndWorksInACoveredFolder() {
        String script = Sandbox.coverScript(HIDDEN, List.of("/opt/jdk", "/tmp/clone/grading/target/classes"));
        assertFalse(script.contains("tmpfs /tmp\n"), script);
        assertTrue(script.contains("cd '/course/assignments/a1/.work'"), script);
    }
}
