package coursekit.engine;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/** Runs work on a thread of its own, as a notebook kernel runs each cell, and hands back its result or failure. */
public final class NewThread {

    private NewThread() {}

    /** The result of {@code work} computed on a new thread; what it throws is rethrown here, wrapped. */
    public static <T> T call(Supplier<T> work) throws InterruptedException {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(() -> result.set(work.get()));
        thread.setUncaughtExceptionHandler((t, error) -> failure.set(error));
        thread.start();
        thread.join();
        if (failure.get() != null) {
            throw new AssertionError("The work failed on its own thread: " + failure.get(), failure.get());
        }
        return result.get();
    }
}
