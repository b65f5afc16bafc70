package coursekit.check;

import java.time.Duration;

/** Compiles one test in the session and runs it on a thread of its own, within a time limit. */
final class TestRun {

    // Student code may recurse deeply; DJL needs more than the default stack too.
    private static final long STACK_BYTES = 64L << 20;
    private static final long STOP_GRACE_MS = 300;
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private TestRun() {}

    static TestResult run(Session session, TestCase test, Duration limit) {
        long start = System.nanoTime();
        String token = Long.toHexString(RANDOM.nextLong());
        String error = session.evaluate("coursekit.check.Checks.hand(\"" + token + "\", () -> {\n" + test.code() + "\n});");
        TestBody body = Checks.takeHanded(token);
        if (error != null || body == null) {
            String why = error == null ? "its code did not run" : error;
            return new TestResult(test, false, "does not compile against your code: " + why, seconds(start));
        }
        Throwable[] thrown = new Throwable[1];
        Thread thread = new Thread(Thread.currentThread().getThreadGroup(), () -> {
            try {
                body.run();
            } catch (Throwable t) {
                thrown[0] = t;
            }
        }, "check-" + test.id(), STACK_BYTES);
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
                    + " s (is there an endless loop?)", seconds(start));
        }
        if (thrown[0] == null) {
            return new TestResult(test, true, "", seconds(start));
        }
        return new TestResult(test, false, describe(thrown[0]), seconds(start));
    }

    /** Why a test failed, in words for a student. */
    static String describe(Throwable t) {
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
        return "your code threw " + t.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
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

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
