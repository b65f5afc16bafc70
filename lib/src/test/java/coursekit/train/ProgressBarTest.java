package coursekit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final AtomicLong now = new AtomicLong();
    private final ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), now::get);
    private final Training training = new Training(null, new History(), 30, 1e-3, bar::say);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theRunningLineShowsBarBatchesRateTimeLeftAndLoss() {
        String line = ProgressLines.running(3, 30, new BatchProgress(45, 100, 900, 2000, 0.69314, 30.0));
        assertEquals("Epoch 3/30 [#########-----------] 45/100 - 30.0 images/s - 0:37 left - loss: 0.6931", line);
    }

    @Test
    void redrawsInPlaceAtMostFiveTimesASecondAndAlwaysAfterTheLastBatch() {
        bar.onTrainBegin(training);
        bar.onEpochBegin(training, 0);
        now.set(1_000_000_000L);
        bar.onBatchEnd(training, 0, new BatchProgress(1, 3, 20, 60, 0.7, 1.0));
        now.addAndGet(100_000_000L);
        bar.onBatchEnd(training, 0, new BatchProgress(2, 3, 40, 60, 0.6, 1.1));
        now.addAndGet(50_000_000L);
        bar.onBatchEnd(training, 0, new BatchProgress(3, 3, 60, 60, 0.5, 1.15));
        String out = printed();
        assertEquals(2, out.split("\r", -1).length - 1, out);
        assertTrue(out.contains(" 1/3 ") && out.contains(" 3/3 ") && !out.contains(" 2/3 "), out);
        assertTrue(!out.contains("\n"), "the bar stays on one line: " + out);
    }

    @Test
    void aSaidLineClearsTheBarAndEndsWithANewline() {
        bar.onTrainBegin(training);
        now.set(1_000_000_000L);
        bar.onBatchEnd(training, 0, new BatchProgress(1, 3, 20, 60, 0.7, 1.0));
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put(History.LOSS, 0.5);
        bar.onEpochEnd(training, 0, metrics);
        String out = printed();
        String afterBar = out.substring(out.lastIndexOf('\r') + 1);
        assertTrue(afterBar.startsWith("Epoch 1/30 - ") && afterBar.endsWith(System.lineSeparator()), out);
        assertTrue(afterBar.contains("loss: 0.5000"), out);
    }
}
