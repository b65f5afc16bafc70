package coursekit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import org.junit.jupiter.api.Test;

class DevicesTest {

    @Test
    void cpuIsAlwaysAvailable() {
        assertEquals(Device.cpu(), Devices.parse("cpu", 0));
    }

    @Test
    void gpuMeansTheFirstGpuAndGpuNTheNth() {
        assertEquals(Device.gpu(0), Devices.parse("gpu", 2));
        assertEquals(Device.gpu(1), Devices.parse("gpu:1", 2));
    }

    @Test
    void askingForAMissingGpuSaysHowManyThereAre() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Devices.parse("gpu", 0));
        assertTrue(error.getMessage().contains("0 GPU(s)"), error.getMessage());
    }

    @Test
    void nonsenseIsRejectedWithTheChoices() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Devices.parse("tpu", 1));
        assertTrue(error.getMessage().contains("cpu, gpu or gpu:N"), error.getMessage());
    }

    @Test
    void theSystemPropertyOverridesTheDefault() {
        System.setProperty(Devices.PROPERTY, "cpu");
        try {
            assertEquals(Device.cpu(), Devices.chosen());
        } finally {
            System.clearProperty(Devices.PROPERTY);
        }
    }
}
