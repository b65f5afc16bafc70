package coursekit.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ChecksTest {

    private static LocalSession session;

    @BeforeAll
    static void start() {
        session = new LocalSession();
        Checks.useSession(session);
        session.evaluate("int square(int n) { return n * n; }");
        session.evaluate("int wrong(int n) { return n + 1; }");
        session.evaluate("int forever(int n) { while (true) { n++; } }");
        session.evaluate("int stub(int n) { throw new UnsupportedOperationException(\"Write stub: return n.\"); }");
    }

    @AfterAll
    static void stop() {
        session.close();
    }

    private static TestResult one(String code) {
        TestCase test = new TestCase("q1", "t", 2, false, false, null, code);
        return Checks.run(List.of(test)).get(0);
    }

    @Test
    void aPassingTestEarnsItsPoints() {
        TestResult result = one("assertEquals(9, square(3));");
        assertTrue(result.passed(), result.message());
        assertEquals(2, result.score());
    }

    @Test
    void aFailingAssertionKeepsItsMessage() {
        TestResult result = one("assertEquals(9, wrong(3), \"wrong(3) should be 9\");");
        assertFalse(result.passed());
        assertEquals("wrong(3) should be 9 ==> expected: <9> but was: <4>", result.message());
        assertEquals(0, result.score());
    }

    @Test
    void aMissingDefinitionFailsOnlyThatTest() {
        TestResult result = one("assertEquals(1, notDefinedAnywhere(1));");
        assertFalse(result.passed());
        assertTrue(result.message().startsWith("does not compile against your code: cannot find symbol"), result.message());
    }

    @Test
    void aStubSaysItIsNotWrittenYet() {
        TestResult result = one("stub(1);");
        assertEquals("not written yet: Write stub: return n.", result.message());
    }

    @Test
    void anEndlessLoopFailsWithinTheTimeLimit() {
        Checks.testTimeout(Duration.ofSeconds(1));
        try {
            long start = System.nanoTime();
            TestResult result = one("forever(1);");
            assertFalse(result.passed());
            assertTrue(result.message().startsWith("did not finish within 1 s"), result.message());
            assertTrue((System.nanoTime() - start) / 1e9 < 10);
        } finally {
            Checks.testTimeout(Duration.ofSeconds(30));
        }
    }
}
