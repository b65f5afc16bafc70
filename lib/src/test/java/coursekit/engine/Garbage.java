package coursekit.engine;

import java.lang.ref.WeakReference;

/**
 * Collects garbage now, as a collection that the machine's load happens to place between a forward and a backward
 * pass would: Java objects nothing holds are gone afterwards, and the direct buffers among them have given their
 * memory back.
 */
public final class Garbage {

    private Garbage() {}

    /** A full collection, then time for the reference handler to free the direct buffers it found unreachable. */
    public static void collectNow() {
        WeakReference<Object> probe = new WeakReference<>(new Object());
        for (int round = 0; round < 50 && probe.get() != null; round++) {
            System.gc();
            pause(5);
        }
        System.gc();
        pause(50);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a garbage collection to finish.", e);
        }
    }
}
