package coursekit.check;

import java.time.Duration;

/**
 * Runs a compiled test on a thread of its own within a time limit and says in a student's words why it
 * failed; the notebook's checks and the grader's test phase both run their tests through it.
 */
public final class TestExecution {

    // Student code may recurse deeply; DJL needs more than the default stack too.
    private static final long STACK_BYTES = 64L << 20;
    private static final long STOP_GRACE_MS = 300;

    private TestExecution() {}

    /**
     * Runs {@code body}, the compiled code of {@code test}, for at most {@code limit}.
     *
     * @param startNanos when the test started ({@link System#nanoTime()}), so that compiling it counts in its time
     */
    public static TestResult run(TestCase test, TestBody body, Duration limit, long startNanos) {
        Throwable[] thrown = new Throwable[1];
        Thread thread = new Thread(Thread.currentThread().getThreadGroup(), () -> {
            try {
                body.run();
            } catch (Throwable t) {
                thrown[0] = t;
            }
        }, "test-" + test.id(), STACK_BYTES);
        thread.setDaemon(true);
        thread.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        thread.start();
        try {
            thread.join(limit.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            stop(thread);
            return new TestResult(test, false, "did not finish within " + limit.toSeconds()
                    + " s (is there an endless loop?)", secondsSince(startNanos));
        }
        return thrown[0] == null ? new TestResult(test, true, "", secondsSince(startNanos))
                : new TestResult(test, false, describe(thrown[0]), secondsSince(startNanos));
    }

    /** A test that could not be compiled against the student's code, with the compiler's reason. */
    public static TestResult notCompiled(TestCase test, String why, long startNanos) {
        return new TestResult(test, false, "does not compile against your code: " + why, secondsSince(startNanos));
    }

    /** Why a test failed, in words for a student. */
    public static String describe(Throwable t) {
        String message = t.getMessage() == null ? "" : t.getMessage().strip();
        String type = t.getClass().getName();
        if (t instanceof AssertionError) {
            return message.isEmpty() ? "an assertion failed" : message;
        }
        if (type.endsWith("SPIResolutionException") || type.endsWith("UnresolvedReferenceException")) {
            return "it uses a definition that is missing or does not compile yet; run the cells above it and fix their errors";
        }
        if (type.endsWith(".CellExit")) {
            return "your code called System.exit, which ends the test (" + message + ")";
        }
        if (t instanceof StackOverflowError) {
            return "your code overflowed the stack (endless recursion?)";
        }
        if (t instanceof OutOfMemoryError) {
            return "your code ran out of memory";
        }
        if (t instanceof UnsupportedOperationException && !message.isEmpty()) {
            return "not written yet: " + message;
        }
        return "your code threw " + type.substring(type.lastIndexOf('.') + 1) + (message.isEmpty() ? "" : ": " + message);
    }

    /** Interrupts the thread, then (on Java 17 to 19, which still allow it) stops it. */
    @SuppressWarnings({"deprecation", "removal"})
    private static void stop(Thread thread) {
        thread.interrupt();
        try {
            thread.join(STOP_GRACE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            try {
                thread.stop();
            } catch (UnsupportedOperationException | LinkageError laterJava) {
                // Java 20+: the thread runs on; the grader's time limit for the whole submission ends it.
            }
        }
    }

    private static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
