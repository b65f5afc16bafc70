package coursekit.kernel.eval;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a cell's code on threads of the cell's own thread group, and stops them on request.
 *
 * <p>A stop goes in three steps, each for code the previous one cannot reach: interrupt every thread of
 * the group (ends {@code sleep}, {@code wait} and interruptible I/O) and raise the {@link StopCheck}
 * flag (ends loops in cell code); after {@value #HARD_STOP_MS} ms, {@code Thread.stop} the cell's thread
 * (ends loops inside libraries, on Java 17 to 19 only); after {@value #ABANDON_MS} ms, stop waiting, so
 * the kernel answers again while the thread, if it could not be stopped, runs on in the background.
 */
final class CellRunner {

    /** Why a cell was stopped. */
    enum Stop { INTERRUPT, TIMEOUT }

    /** What a task came to: its value, what it threw, or that it was stopped. */
    record Outcome<T>(T value, Throwable failure, boolean stopped) {}

    static final long HARD_STOP_MS = 300;
    static final long ABANDON_MS = 1500;
    // Deep recursions in user code and in DJL need more than the default 512 KiB to 1 MiB.
    private static final long STACK_BYTES = 64L << 20;

    private final ThreadGroup group;
    private final ClassLoader contextLoader;
    private final AtomicInteger threads = new AtomicInteger();
    private final Object lock = new Object();
    private boolean active;
    private volatile Stop stop;
    private volatile long stopNanos;

    CellRunner(ThreadGroup group, ClassLoader contextLoader) {
        this.group = group;
        this.contextLoader = contextLoader;
    }

    ThreadGroup group() {
        return group;
    }

    /** Starts a cell: forgets the last cell's stop, so that this one runs. */
    void begin() {
        synchronized (lock) {
            active = true;
            stop = null;
            StopCheck.clear(group);
        }
    }

    /** Ends a cell: a stop that arrives from now on has nothing to stop. */
    void end() {
        synchronized (lock) {
            active = false;
        }
    }

    /** Why the current cell was stopped, or {@code null} while it was not. */
    Stop stopped() {
        return stop;
    }

    /** Stops the current cell's threads; does nothing between cells or when a stop is under way. */
    void stop(Stop reason) {
        synchronized (lock) {
            if (!active || stop != null) {
                return;
            }
            stopNanos = System.nanoTime();
            stop = reason;
            StopCheck.request(group);
        }
        interruptAll();
    }

    /** Runs {@code task} on a new thread of the cell's group and waits until it ends or is given up. */
    <T> Outcome<T> run(Callable<T> task) {
        if (stop != null) {
            return new Outcome<>(null, null, true);
        }
        FutureTask<T> future = new FutureTask<>(task);
        Thread thread = new Thread(group, future, "cell-" + threads.incrementAndGet(), STACK_BYTES);
        thread.setDaemon(true);
        thread.setContextClassLoader(contextLoader);
        thread.start();
        if (!await(thread)) {
            System.err.println("coursekit kernel: thread " + thread.getName()
                    + " did not stop within " + ABANDON_MS + " ms; it runs on in the background.");
            return new Outcome<>(null, null, true);
        }
        try {
            return new Outcome<>(future.get(), null, stop != null);
        } catch (ExecutionException e) {
            return new Outcome<>(null, e.getCause(), stop != null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome<>(null, null, true);
        }
    }

    private boolean await(Thread thread) {
        boolean hardStopTried = false;
        while (thread.isAlive()) {
            try {
                thread.join(20);
            } catch (InterruptedException e) {
                // The waiting thread itself was interrupted: treat it as an interrupt of the cell.
                stop(Stop.INTERRUPT);
            }
            if (stop == null || !thread.isAlive()) {
                continue;
            }
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopNanos);
            if (waited >= HARD_STOP_MS && !hardStopTried) {
                hardStopTried = true;
                hardStop(thread);
            }
            if (waited >= ABANDON_MS) {
                return false;
            }
        }
        return true;
    }

    private void interruptAll() {
        Thread[] all;
        int count;
        do {
            all = new Thread[group.activeCount() + 8];
            count = group.enumerate(all, true);
        } while (count == all.length);
        for (int i = 0; i < count; i++) {
            all[i].interrupt();
        }
    }

    /** {@code Thread.stop}, which Java 17 to 19 still honour and later releases refuse. */
    @SuppressWarnings({"deprecation", "removal"})
    private static void hardStop(Thread thread) {
        try {
            thread.stop();
        } catch (UnsupportedOperationException | LinkageError notOnThisJava) {
            // Java 20+: only the interrupt and the stop checks in cell code remain.
        }
    }
}
