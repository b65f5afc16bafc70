package coursekit.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the continual-learning labs treat their options; none of these runs trains anything (the quick run is in QuickLabRunsTest). */
class ContinualLabTest {

    @Test
    void anUnknownStrategyListsTheKnownOnes() {
        LabException e = assertThrows(LabException.class, () -> ContinualLab.lwf(new String[] {"--strategy", "naive,gem"}));
        assertEquals("Lab lwf has no strategy 'gem'; --strategy takes a comma-separated list of naive, joint, cumulative, replay, lwf, "
                + "icarl-herding, icarl-random, ewc, si, cwr*, ar1, ar1-latent.", e.getMessage());
    }

    @Test
    void aHeadPerTaskRefusesAr1AndCwrStar() {
        LabException e = assertThrows(LabException.class,
                () -> ContinualLab.lwf(new String[] {"--scenario", "task", "--strategy", "naive,cwr*,ar1"}));
        assertEquals("--scenario task runs naive, joint, cumulative, replay, lwf, icarl-herding, icarl-random, ewc and si, which train "
                + "each image on its own task's head; leave out CWR*, AR1 (they consolidate the rows of one output layer that all classes "
                + "share).", e.getMessage());
    }

    @Test
    void cifar100NeedsItsFolder() {
        LabException e = assertThrows(LabException.class, () -> ContinualLab.icarl(new String[] {"--dataset", "cifar100"}));
        assertTrue(e.getMessage().startsWith("--dataset cifar100 needs --data DIR"), e.getMessage());
    }

    @Test
    void aHeadPerTaskRefusesLatentReplayOnMultiTaskNcToo() {
        LabException e = assertThrows(LabException.class,
                () -> ContinualLab.lwf(new String[] {"--scenario", "multi-task-nc", "--strategy", "replay,ar1-latent"}));
        assertTrue(e.getMessage().startsWith("--scenario multi-task-nc runs naive, joint, cumulative, replay, lwf, icarl-herding, "
                + "icarl-random, ewc and si,") && e.getMessage().contains("leave out AR1 latent replay (200) ("), e.getMessage());
    }

    @Test
    void sizeIsRefusedWithTheSizeTheLabTrainsOn() {
        LabException mnist = assertThrows(LabException.class, () -> ContinualLab.lwf(new String[] {"--size", "64"}));
        assertEquals("Option --size does not apply to lab lwf: it trains on 28x28 images as they are.", mnist.getMessage());
        LabException core50 = assertThrows(LabException.class,
                () -> ContinualLab.lwf(new String[] {"--scenario", "multi-task-nc", "--data", "core50", "--size", "64"}));
        assertEquals("Option --size does not apply to lab lwf: it trains on CORe50's frames at 32x32, as it reads them.", core50.getMessage());
        LabException cifar = assertThrows(LabException.class,
                () -> ContinualLab.icarl(new String[] {"--dataset", "cifar100", "--data", "x", "--size", "64"}));
        assertEquals("Option --size does not apply to lab icarl: it trains on 32x32 images as they are.", cifar.getMessage());
    }

    @Test
    void aHeadPerTaskIsForMnistAndFashionMnist() {
        LabException e = assertThrows(LabException.class,
                () -> ContinualLab.icarl(new String[] {"--scenario", "task", "--dataset", "cifar100", "--data", "x"}));
        assertTrue(e.getMessage().startsWith("--scenario task runs on mnist and fashion-mnist"), e.getMessage());
    }

    @Test
    void multiTaskNcTakesNoDataset() {
        LabException e = assertThrows(LabException.class,
                () -> ContinualLab.lwf(new String[] {"--scenario", "multi-task-nc", "--dataset", "mnist"}));
        assertTrue(e.getMessage().startsWith("--scenario multi-task-nc runs on CORe50 (--data DIR"), e.getMessage());
    }

    @Test
    void multiTaskNcOnAFolderWithoutCore50SaysWhereToGetIt(@TempDir Path dir) {
        var e = assertThrows(coursekit.data.DatasetException.class,
                () -> ContinualLab.lwf(new String[] {"--scenario", "multi-task-nc", "--data", dir.toString()}));
        assertTrue(e.getMessage().startsWith("CORe50 is not in " + dir), e.getMessage());
    }
}
