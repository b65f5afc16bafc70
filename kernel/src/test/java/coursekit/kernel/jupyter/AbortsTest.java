package coursekit.kernel.jupyter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AbortsTest {

    @Test
    void readsTheDatesJupyterClientsWrite() {
        assertEquals(Instant.parse("2026-11-22T05:50:12.123456Z"), Aborts.parse("2026-11-22T05:50:12.123456Z"));
        assertEquals(Instant.parse("2026-11-22T05:50:12Z"), Aborts.parse("2026-11-22T05:50:12+00:00"));
    }
}
