package coursekit.tensorflow;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativesTest {

    @TempDir
    Path dir;

    @Test
    void loadingWithoutTheNativesSaysWhichArtifactToUnpackAndWhichVariableToSet() {
        Path model = TinySavedModel.export(dir.resolve("tiny"), false);
        Path empty = dir.resolve("no-natives");
        String before = System.getProperty(Natives.VARIABLE);
        System.setProperty(Natives.VARIABLE, empty.toString());
        try {
            SavedModelException e = assertThrows(SavedModelException.class, () -> SavedModels.featureExtractor(model));
            assertTrue(e.getMessage().contains(Natives.ARTIFACT) && e.getMessage().contains("set TENSORFLOW_LIBRARY_PATH"),
                    e.getMessage());
        } finally {
            if (before == null) {
                System.clearProperty(Natives.VARIABLE);
            } else {
                System.setProperty(Natives.VARIABLE, before);
            }
        }
    }

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
