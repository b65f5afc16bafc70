package coursekit.kernel.eval;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The check that cell code runs at every method entry and loop back-edge, so that an interrupt ends
 * even a busy loop that never looks at {@link Thread#interrupted()}.
 *
 * <p>{@link Instrumenter} inserts calls to {@link #check()} into the bytecode of every cell. This works
 * on every Java release, unlike {@code Thread.stop}, which throws on Java 20 and later.
 */
public final class StopCheck {

    private static final Set<ThreadGroup> STOPPING = ConcurrentHashMap.newKeySet();

    // A plain read of this flag is all that running cells pay; the set is consulted only during a stop.
    private static volatile boolean anyStopping;

    private StopCheck() {}

    /** Throws {@link CellStopped} when the calling thread belongs to a cell that is being stopped. */
    public static void check() {
        if (anyStopping && stopping(Thread.currentThread().getThreadGroup())) {
            throw new CellStopped();
        }
    }

    private static boolean stopping(ThreadGroup group) {
        for (ThreadGroup g = group; g != null; g = g.getParent()) {
            if (STOPPING.contains(g)) {
                return true;
            }
        }
        return false;
    }

    static void request(ThreadGroup group) {
        STOPPING.add(group);
        anyStopping = true;
    }

    static void clear(ThreadGroup group) {
        STOPPING.remove(group);
        anyStopping = !STOPPING.isEmpty();
    }
}
