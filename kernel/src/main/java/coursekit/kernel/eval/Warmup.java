package coursekit.kernel.eval;

import coursekit.kernel.render.MimeBundle;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Runs small throwaway cells in an evaluator of its own while the kernel is idle, so that the JIT has
 * compiled javac and JShell by the time the student's cells need them.
 *
 * <p>Every cell goes through javac; with a cold JIT a trivial cell costs about twice the CPU time it
 * costs once javac's code is compiled, and only a few hundred cells get the JIT there. The warm-up
 * evaluator is not the kernel's: nothing it defines is visible in the notebook, it holds no lock
 * that a cell could wait for, and an interrupt never reaches it. Between two of its cells the
 * warm-up waits while the kernel is busy, so it takes a core from a student's cell for one warm-up
 * cell at most. It ends after its number of cells, at {@link #close()}, or at the first failure.
 *
 * <p>One evaluator runs all the cells: they redefine the same names, and the evaluator lets each
 * expression's temporary variable go, so its session does not grow from cell to cell.
 */
public final class Warmup implements AutoCloseable {

    private static final long IDLE_CHECK_MILLIS = 50;

    /** What students type in their first cells: values, declarations, a method, printing, a stream. */
    static final List<String> CELLS = List.of(
            "1 + 1",
            "var warmupText = \"cell \" + 2;\nwarmupText.length()",
            "int warmupTwice(int x) { return 2 * x; }\nwarmupTwice(21)",
            "System.out.println(6 * 7);",
            "List.of(1, 2, 3).stream().mapToInt(i -> i * i).sum()",
            "double[] warmupValues = {0.5, 1.5};\nArrays.stream(warmupValues).average().orElse(0)");

    private static final CellOutput DISCARD = new CellOutput() {
        @Override
        public void stream(String name, String text) {}

        @Override
        public void display(MimeBundle bundle, String displayId) {}

        @Override
        public void updateDisplay(MimeBundle bundle, String displayId) {}

        @Override
        public void clearOutput(boolean wait) {}
    };

    private final Supplier<Evaluator> evaluators;
    private final BooleanSupplier idle;
    private final int cells;
    private final Thread thread;
    private volatile boolean closed;
    private volatile int done;

    private Warmup(Supplier<Evaluator> evaluators, BooleanSupplier idle, int cells) {
        this.evaluators = evaluators;
        this.idle = idle;
        this.cells = cells;
        this.thread = new Thread(this::run, "coursekit-warmup");
        thread.setDaemon(true);
    }

    /**
     * Starts warming in the background: {@code cells} cells in an evaluator made by {@code evaluators},
     * each run only while {@code idle} says the kernel has nothing to do. Zero cells start nothing.
     */
    public static Warmup start(Supplier<Evaluator> evaluators, BooleanSupplier idle, int cells) {
        if (cells < 0) {
            throw new IllegalArgumentException("The number of warm-up cells cannot be negative, but got " + cells + ".");
        }
        Warmup warmup = new Warmup(evaluators, idle, cells);
        if (cells > 0) {
            warmup.thread.start();
        }
        return warmup;
    }

    /** How many warm-up cells have run so far. */
    public int cellsDone() {
        return done;
    }

    /** Waits until the warm-up has ended (all its cells run, closed, or failed); for tests and benchmarks. */
    public void await() throws InterruptedException {
        thread.join();
    }

    /** Stops after the warm-up cell in hand; returns at once. */
    @Override
    public void close() {
        closed = true;
    }

    private void run() {
        Evaluator evaluator = null;
        try {
            while (done < cells && !closed) {
                if (!idle.getAsBoolean()) {
                    Thread.sleep(IDLE_CHECK_MILLIS);
                    continue;
                }
                if (evaluator == null) {
                    evaluator = evaluators.get();
                }
                CellResult result = evaluator.evaluate(CELLS.get(done % CELLS.size()), DISCARD);
                if (!result.ok()) {
                    // Not worth a message to anyone: the kernel works the same without the warm-up.
                    return;
                }
                done++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            // Out of memory while a cell fills the heap, a class path problem: the warm-up just ends.
        } finally {
            if (evaluator != null) {
                try {
                    evaluator.close();
                } catch (Throwable ignored) {
                    // Closing a throwaway evaluator cannot matter to the kernel.
                }
            }
        }
    }
}
