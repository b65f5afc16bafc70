package coursekit.grading;

import java.util.Set;

/** Stops the threads a submission left running, so that none of its code runs while the tests are set up. */
final class Threads {

    private static final int ROUNDS = 20;

    private Threads() {}

    /** The threads alive now: the JVM's own and the grader's, taken before any submitted code runs. */
    static Set<Thread> snapshot() {
        return Set.copyOf(Thread.getAllStackTraces().keySet());
    }

    /**
     * Stops every live thread that is not in {@code keep} and not the caller (interrupt, then, on Java 17 to
     * 19, {@code Thread.stop}, a few rounds for threads that catch it) and returns how many still run.
     */
    @SuppressWarnings({"deprecation", "removal"})
    static int stopAllBut(Set<Thread> keep) {
        int left = 0;
        for (int round = 0; round < ROUNDS; round++) {
            left = 0;
            for (Thread thread : Thread.getAllStackTraces().keySet()) {
                if (keep.contains(thread) || thread == Thread.currentThread() || !thread.isAlive()) {
                    continue;
                }
                left++;
                thread.interrupt();
                try {
                    thread.stop();
                } catch (UnsupportedOperationException | SecurityException laterJava) {
                    // Java 20+: the interrupt is all there is; the tests then run beside the thread.
                }
                try {
                    thread.join(round < 2 ? 20 : 100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return left;
                }
            }
            if (left == 0) {
                return 0;
            }
        }
        return left;
    }
}
