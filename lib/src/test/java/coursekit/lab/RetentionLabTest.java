package coursekit.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coursekit.data.Core50Fixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The retention lab in quick mode, on random weights: the embedded set cut by brightness, and a tiny CORe50 folder. */
@ExtendWith(QuickMode.class)
class RetentionLabTest {

    @Test
    void photoSessionsGiveOneRunPerStrategyAndEveryEntryOfR(@TempDir Path out) throws Exception {
        RetentionLab.run(new String[] {"--data", "embedded", "--weights", "none", "--size", "32", "--sessions", "2", "--memory", "6",
                "--seeds", "2", "--out", out.toString()});
        List<String> runs = Files.readAllLines(out.resolve("runs.csv"));
        assertEquals(5, runs.size(), runs.toString());
        assertTrue(runs.get(1).startsWith("Naive,42,"), runs.get(1));
        assertTrue(runs.get(2).startsWith("Replay (6),42,"), runs.get(2));
        assertTrue(runs.get(4).startsWith("Replay (6),43,"), runs.get(4));
        // 2 strategies x 2 seeds x 2 x 2 entries of R, and a header.
        assertEquals(17, Files.readAllLines(out.resolve("matrices.csv")).size());
        assertTrue(Files.size(out.resolve("R-replay-6.png")) > 1000);
        assertTrue(Files.readString(out.resolve("comparison.md")).contains("| Naive | 2 |"));
        // The features were computed once for both seeds: the two sessions' training and test sets.
        try (var files = Files.list(out.resolve("features"))) {
            assertEquals(4, files.count());
        }
    }

    @Test
    void looksGiveTheirSessionsToTheSameLab(@TempDir Path out) throws Exception {
        RetentionLab.run(new String[] {"--data", "embedded", "--weights", "none", "--size", "32", "--split", "looks", "--sessions", "3",
                "--epochs", "1", "--out", out.toString()});
        // 2 strategies x 3 x 3 entries of R, and a header.
        assertEquals(19, Files.readAllLines(out.resolve("matrices.csv")).size());
    }

    @Test
    void core50RunsItsNewInstancesSessionsOnAFolderInTheRealLayout(@TempDir Path dir) throws Exception {
        Path data = Core50Fixture.write(dir);
        Path out = dir.resolve("out");
        RetentionLab.run(new String[] {"--dataset", "core50", "--data", data.toString(), "--weights", "none", "--size", "32",
                "--frame-step", "1", "--memory", "6", "--out", out.toString()});
        List<String> runs = Files.readAllLines(out.resolve("runs.csv"));
        assertEquals(3, runs.size(), runs.toString());
        // Training sessions 1, 2 and 4 of the folder: 2 strategies x 3 x 3 entries of R, and a header.
        assertEquals(19, Files.readAllLines(out.resolve("matrices.csv")).size());
    }

    @Test
    void optionsOfTheOtherDatasetAreRefused() {
        LabException e = assertThrows(LabException.class, () -> RetentionLab.run(new String[] {"--frame-step", "5", "--data", "embedded"}));
        assertEquals("Option --frame-step does not apply to --dataset cats-and-dogs: it sets which CORe50 frames are read.", e.getMessage());
        e = assertThrows(LabException.class, () -> RetentionLab.run(new String[] {"--dataset", "core50", "--split", "brightness"}));
        assertEquals("Option --split does not apply to --dataset core50: CORe50 has its own sessions.", e.getMessage());
        e = assertThrows(LabException.class, () -> RetentionLab.run(new String[] {"--split", "looks", "--sessions", "6", "--data", "embedded"}));
        assertEquals("--split looks has 5 looks [original, dusk, grey, blur, warm], so --sessions is at most 5, but got 6.", e.getMessage());
        e = assertThrows(LabException.class, () -> RetentionLab.run(new String[] {"--split", "hue", "--data", "embedded"}));
        assertEquals("Option --split of lab retention is one of brightness, colourfulness, looks, but got 'hue'.", e.getMessage());
    }
}
