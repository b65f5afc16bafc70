package coursekit.check;

import java.time.Duration;

/** Compiles one test in the session and runs it on a thread of its own, within a time limit. */
final class TestRun {

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private TestRun() {}

    static TestResult run(Session session, TestCase test, Duration limit) {
        long start = System.nanoTime();
        String token = Long.toHexString(RANDOM.nextLong());
        String error = session.evaluate("coursekit.check.Checks.hand(\"" + token + "\", () -> {\n" + test.code() + "\n});");
        TestBody body = Checks.takeHanded(token);
        if (error != null || body == null) {
            return TestExecution.notCompiled(test, error == null ? "its code did not run" : error, start);
        }
        return TestExecution.run(test, body, limit, start);
    }
}
