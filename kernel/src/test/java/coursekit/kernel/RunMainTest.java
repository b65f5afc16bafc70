package coursekit.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coursekit.kernel.run.NotebookFile;
import coursekit.kernel.testing.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end, in a child JVM because it calls System.exit. */
class RunMainTest {

    @Test
    void successfulRunExitsZeroAndWritesNotebookAndHtml(@TempDir Path dir) throws Exception {
        NotebookFile.of(List.of("int a = 2;", "a * 21")).write(dir.resolve("ok.ipynb"));
        ChildJvm.Result run = ChildJvm.run(dir, List.of(), "coursekit.kernel.RunMain",
                "ok.ipynb", "--out", "done.ipynb", "--html", "done.html");
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(Files.readString(dir.resolve("done.ipynb")).contains("\"text/plain\": \"42\""));
        assertTrue(Files.readString(dir.resolve("done.html")).contains("<pre>42</pre>"));
        assertTrue(Files.readString(dir.resolve("done.ipynb")).contains("\"name\": \"coursekit-java\""));
    }

    @Test
    void failingCellExitsOneAfterWritingTheOutputsSoFar(@TempDir Path dir) throws Exception {
        NotebookFile.of(List.of("System.out.println(\"ran\");", "throw new IllegalStateException(\"stop here\");", "3")).write(dir.resolve("bad.ipynb"));
        ChildJvm.Result run = ChildJvm.run(dir, List.of(), "coursekit.kernel.RunMain", "bad.ipynb", "--timeout", "60");
        assertEquals(1, run.exitCode(), run.output());
        assertTrue(run.output().contains("Cell 2 of 3 failed (IllegalStateException: stop here)"), run.output());
        String written = Files.readString(dir.resolve("bad.ipynb"));
        assertTrue(written.contains("\"ran\\n\"") && written.contains("\"ename\": \"IllegalStateException\""), written);
    }

    @Test
    void badOptionExitsTwoWithUsage(@TempDir Path dir) throws Exception {
        NotebookFile.of(List.of("1")).write(dir.resolve("x.ipynb"));
        ChildJvm.Result run = ChildJvm.run(dir, List.of(), "coursekit.kernel.RunMain", "x.ipynb", "--timeout", "soon");
        assertEquals(2, run.exitCode(), run.output());
        assertTrue(run.output().contains("--timeout takes whole seconds"), run.output());
    }
}
