package coursekit.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coursekit.kernel.testing.RecordingOutput;
import coursekit.kernel.testing.SharedEvaluator;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WarmupTest {

    @Test
    void runsAllItsCellsInOneEvaluatorOfItsOwnThenEnds() throws InterruptedException {
        AtomicInteger made = new AtomicInteger();
        int cells = 8 * Warmup.CELLS.size();
        Warmup warmup = Warmup.start(() -> {
            made.incrementAndGet();
            return Evaluator.builder().mavenOffline(true).build();
        }, () -> true, cells);
        warmup.await();
        assertEquals(cells, warmup.cellsDone());
        assertEquals(1, made.get());
    }

    @Test
    void everyWarmupCellCompilesAndRuns() {
        try (Evaluator evaluator = Evaluator.builder().mavenOffline(true).build()) {
            for (String cell : Warmup.CELLS) {
                CellResult result = evaluator.evaluate(cell, new RecordingOutput());
                assertTrue(result.ok(), () -> cell + " failed: " + result.error().text());
            }
        }
    }

    @Test
    void leavesNothingInTheKernelsEvaluator() throws InterruptedException {
        Evaluator kernels = SharedEvaluator.get();
        Warmup.start(() -> Evaluator.builder().mavenOffline(true).build(), () -> true, 2).await();
        CellResult result = SharedEvaluator.run("warmupText");
        assertFalse(result.ok());
        assertEquals("CompileError", result.error().name());
        assertTrue(kernels.evaluate("1 + 1", new RecordingOutput()).ok());
    }

    @Test
    void waitsWhileTheKernelIsBusy() throws InterruptedException {
        AtomicInteger made = new AtomicInteger();
        Warmup warmup = Warmup.start(() -> {
            made.incrementAndGet();
            return Evaluator.builder().build();
        }, () -> false, 5);
        Thread.sleep(300);
        warmup.close();
        warmup.await();
        assertEquals(0, warmup.cellsDone());
        assertEquals(0, made.get());
    }

    @Test
    void zeroCellsStartNothing() throws InterruptedException {
        Warmup warmup = Warmup.start(() -> {
            throw new AssertionError("no evaluator should be made");
        }, () -> true, 0);
        warmup.await();
        assertEquals(0, warmup.cellsDone());
    }

    @Test
    void aNegativeNumberOfCellsIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Warmup.start(Evaluator.builder()::build, () -> true, -1));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
    }
}
