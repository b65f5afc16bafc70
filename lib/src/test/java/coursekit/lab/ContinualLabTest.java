package coursekit.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The continual-learning labs in quick mode (600 training images, at most two epochs) and their option errors. */
class ContinualLabTest {

    private static String previousQuick;

    @BeforeAll
    static void quickMode() {
        previousQuick = System.setProperty("coursekit.quick", "true");
    }

    @AfterAll
    static void restore() {
        if (previousQuick == null) {
            System.clearProperty("coursekit.quick");
        } else {
            System.setProperty("coursekit.quick", previousQuick);
        }
    }

    @Test
    void icarlLabWritesOneRunPerStrategyAndTheComparison(@TempDir Path out) throws Exception {
        ContinualLab.icarl(new String[] {"--epochs", "1", "--out", out.toString()});
        List<String> runs = Files.readAllLines(out.resolve("runs.csv"));
        assertEquals(5, runs.size(), runs.toString());
        assertTrue(runs.get(3).startsWith("iCaRL herding (200),42,"), runs.get(3));
        // 4 strategies x 5 x 5 entries of R, and a header.
        assertEquals(101, Files.readAllLines(out.resolve("matrices.csv")).size());
        for (String png : new String[] {"accuracy.png", "R-naive.png", "R-lwf.png", "R-icarl-herding-200.png", "R-icarl-random-200.png"}) {
            assertTrue(Files.size(out.resolve(png)) > 1000, png);
        }
        String comparison = Files.readString(out.resolve("comparison.md"));
        assertTrue(comparison.contains("| LwF | 1 |") && comparison.contains("| iCaRL random (200) | 1 |"), comparison);
    }

    @Test
    void anUnknownStrategyListsTheKnownOnes() {
        LabException e = assertThrows(LabException.class, () -> ContinualLab.lwf(new String[] {"--strategy", "naive,gem"}));
        assertEquals("Lab lwf has no strategy 'gem'; --strategy takes a comma-separated list of naive, joint, cumulative, replay, lwf, "
                + "icarl-herding, icarl-random, ewc.", e.getMessage());
    }

    @Test
    void cifar100NeedsItsFolder() {
        LabException e = assertThrows(LabException.class, () -> ContinualLab.icarl(new String[] {"--dataset", "cifar100"}));
        assertTrue(e.getMessage().startsWith("--dataset cifar100 needs --data DIR"), e.getMessage());
    }
}
