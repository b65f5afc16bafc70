package coursekit.grading;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;


import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A grader killed with SIGKILL takes its submissions' processes with it. */
class GraderKilledTest {

    @TempDir
    Path dir;

    @Test
    void noSubmissionOutlivesAKilledGrader() throws Exception {
        Assignment assignment = Fixtures.assignment(dir);
        Path submissions = Files.createDirectories(dir.resolve("submissions"));
        Fixtures.notebook(submissions.resolve("sleeper.ipynb"), "Thread.sleep(600_000);");
        Process grader = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), GradeMain.class.getName(), "grade", assignment.folder().toString(),
                submissions.toString(), "--out", dir.resolve("grades").toString(), "--cell-timeout", "500", "--timeout", "550")
                .redirectErrorStream(true).redirectOutput(dir.resolve("grader.log").toFile()).start();
        try {
            List<ProcessHandle> sandbox = List.of();
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (System.nanoTime() < deadline && sandbox.stream().noneMatch(GraderKilledTest::isSandboxJvm)) {
                Thread.sleep(200);
                sandbox = grader.descendants().toList();
            }
            assertTrue(sandbox.stream().anyMatch(GraderKilledTest::isSandboxJvm), "no sandbox started: " + Files.readString(dir.resolve("grader.log")));
            Thread.sleep(2000);
            grader.destroyForcibly().waitFor();
            long gone = System.nanoTime() + 15_000_000_000L;
            while (System.nanoTime() < gone && sandbox.stream().anyMatch(ProcessHandle::isAlive)) {
                Thread.sleep(200);
            }
            List<String> alive = sandbox.stream().filter(ProcessHandle::isAlive).map(p -> Long.toString(p.pid())).toList();
            sandbox.forEach(ProcessHandle::destroyForcibly);
            assertFalse(!alive.isEmpty(), alive.toString());
        } finally {
            grader.destroyForcibly();
        }
    }

    /** Reads {@code /proc/PID/cmdline}: the JDK's own process info leaves out a process whose root was changed. */
    private static boolean isSandboxJvm(ProcessHandle p) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()), "cmdline"))).contains(SandboxMain.class.getName());
        } catch (java.io.IOException gone) {
            return false;
        }
    }

}
