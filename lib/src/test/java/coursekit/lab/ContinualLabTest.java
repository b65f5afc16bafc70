package coursekit.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** How the continual-learning labs treat their options; none of these runs trains anything (the quick run is in QuickLabRunsTest). */
class ContinualLabTest {

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
