package coursekit.kernel.eval;

import static coursekit.kernel.testing.SharedEvaluator.get;
import static coursekit.kernel.testing.SharedEvaluator.run;
import static coursekit.kernel.testing.SharedEvaluator.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import coursekit.kernel.testing.RecordingOutput;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InterruptTest {

    /** Runs {@code code}, interrupts it after 400 ms and returns how long the stop took, in ms. */
    private static long stopMillis(String code, CellResult[] result) {
        AtomicLong interruptedAt = new AtomicLong();
        Thread interrupter = new Thread(() -> {
            try {
                Thread.sleep(400);
            } catch (InterruptedException e) {
                return;
            }
            interruptedAt.set(System.nanoTime());
            get().interrupt();
        });
        interrupter.start();
        result[0] = get().evaluate(code, new RecordingOutput());
        long end = System.nanoTime();
        try {
            // A cell that ended early must not leave the interrupt to hit the next test's cell.
            interrupter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return (end - interruptedAt.get()) / 1_000_000;
    }

    @Test
    void busyLoopStopsWithinTwoSecondsAndEarlierDefinitionsStay() {
        run("int keptAcrossInterrupt = 7;");
        CellResult[] result = new CellResult[1];
        long millis = stopMillis("long spins = 0;\nwhile (true) { spins++; }", result);
        assertEquals("Interrupted", result[0].error().name());
        assertTrue(millis < 2000, "stopping took " + millis + " ms");
        assertEquals("7", value("keptAcrossInterrupt"));
    }

    @Test
    void sleepStopsWithinTwoSeconds() {
        CellResult[] result = new CellResult[1];
        long millis = stopMillis("Thread.sleep(60_000);", result);
        assertEquals("Interrupted", result[0].error().name());
        assertTrue(millis < 2000, "stopping took " + millis + " ms");
    }

    @Test
    void loopThatSwallowsInterruptsStillStops() {
        CellResult[] result = new CellResult[1];
        long millis = stopMillis("while (true) { try { Thread.sleep(10); } catch (InterruptedException e) { } }", result);
        assertEquals("Interrupted", result[0].error().name());
        assertTrue(millis < 2000, "stopping took " + millis + " ms");
    }

    @Test
    void busyLoopInAMethodFromAnEarlierCellStops() {
        run("void spin() { double x = 0; while (x >= 0) { x += 1e-9; } }");
        CellResult[] result = new CellResult[1];
        long millis = stopMillis("spin()", result);
        assertEquals("Interrupted", result[0].error().name());
        assertTrue(millis < 2000, "stopping took " + millis + " ms");
    }

    @Test
    void busyLoopInsideALibraryStopsOnJava17To19() {
        // A loop inside the JDK (no lambda of the cell in it), which no stop check reaches.
        assumeTrue(Runtime.version().feature() < 20, "Thread.stop works only on Java 17 to 19");
        CellResult[] result = new CellResult[1];
        long millis = stopMillis("java.util.stream.LongStream.range(0, Long.MAX_VALUE).sum()", result);
        assertEquals("Interrupted", result[0].error().name());
        assertTrue(millis < 2000, "stopping took " + millis + " ms");
        assertEquals("3", value("1 + 2"));
    }

    @Test
    void interruptBetweenCellsDoesNotStopTheNextCell() {
        get().interrupt();
        assertEquals("3", value("1 + 2"));
    }
}
