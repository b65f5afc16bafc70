package coursekit.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coursekit.kernel.testing.RecordingOutput;
import coursekit.kernel.testing.SharedEvaluator;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TimeoutTest {

    private final Evaluator evaluator = SharedEvaluator.get();

    @AfterEach
    void noLimit() {
        evaluator.timeout(Duration.ZERO);
    }

    @Test
    void cellOverItsTimeLimitIsStopped() {
        evaluator.timeout(Duration.ofSeconds(1));
        long start = System.nanoTime();
        CellResult result = evaluator.evaluate("while (true) { }", new RecordingOutput());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals("Timeout", result.error().name());
        assertTrue(result.error().value().contains("1 s limit"), result.error().value());
        assertTrue(millis < 3000, "took " + millis + " ms");
    }

    @Test
    void cellWithinItsTimeLimitRuns() {
        evaluator.timeout(Duration.ofSeconds(5));
        assertTrue(evaluator.evaluate("Thread.sleep(100); 1", new RecordingOutput()).ok());
    }

    @Test
    void timeoutMagicSetsTheLimitForLaterCells() {
        evaluator.evaluate("%timeout 1", new RecordingOutput());
        assertEquals(Duration.ofSeconds(1), evaluator.timeout());
        assertEquals("Timeout", evaluator.evaluate("Thread.sleep(5000);", new RecordingOutput()).error().name());
    }

    @Test
    void timeoutMagicOffRemovesTheLimit() {
        evaluator.timeout(Duration.ofSeconds(3));
        evaluator.evaluate("%timeout off", new RecordingOutput());
        assertEquals(Duration.ZERO, evaluator.timeout());
    }
}
