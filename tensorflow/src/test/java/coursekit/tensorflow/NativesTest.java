package coursekit.tensorflow;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativesTest {

    @TempDir
    Path dir;

    @Test
    void aFolderWithoutTheLibraryNamesTheArtifactAndTheVariable() {
        String problem = Natives.check(dir.toString(), true);
        assertTrue(problem != null && problem.contains(Natives.ARTIFACT) && problem.contains("TENSORFLOW_LIBRARY_PATH is " + dir)
                && problem.contains(Natives.LIBRARY), problem);
    }

    @Test
    void offlineWithoutTheVariableSaysHowToGetTheNatives() {
        String problem = Natives.check(null, true);
        assertTrue(problem != null && problem.contains(Natives.ARTIFACT) && problem.contains("set TENSORFLOW_LIBRARY_PATH"), problem);
    }

    @Test
    void onlineWithoutTheVariableLeavesTheDownloadToDjl() {
        assertNull(Natives.check("", false));
    }

    @Test
    void aFolderHoldingTheLibraryIsAccepted() throws Exception {
        Files.writeString(dir.resolve(Natives.LIBRARY), "");
        assertNull(Natives.check(dir.resolveSibling("elsewhere") + java.io.File.pathSeparator + dir, true));
    }
}
