package coursekit.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coursekit.kernel.testing.SharedEvaluator;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompletionTest {

    private final Evaluator evaluator = SharedEvaluator.get();

    @Test
    void completesMembersAfterADot() {
        Completion completion = evaluator.complete("Math.ma", 7);
        assertTrue(completion.matches().contains("max("), completion.matches().toString());
        assertEquals(5, completion.start());
        assertEquals(7, completion.end());
    }

    @Test
    void completesInTheLastStatementOfSeveral() {
        Completion completion = evaluator.complete("int a = 1;\n\"x\".toUpp", 20);
        assertEquals(List.of("toUpperCase("), completion.matches());
        assertEquals(15, completion.start());
    }

    @Test
    void completesJavaBelowAMagicLine() {
        assertTrue(evaluator.complete("%maven junit:junit:4.13.2\nMath.ma", 33).matches().contains("max("));
    }

    @Test
    void completesKitFacadeNames() {
        assertTrue(evaluator.complete("rmsp", 4).matches().contains("rmsprop("));
    }

    @Test
    void completesMagicNames() {
        Completion completion = evaluator.complete("%mav", 4);
        assertEquals(List.of("%maven"), completion.matches());
        assertEquals(0, completion.start());
    }

    @Test
    void finishedStatementIsComplete() {
        assertEquals(Readiness.COMPLETE, evaluator.readiness("int x = 1;"));
    }

    @Test
    void openBlockIsIncompleteWithAnIndent() {
        Readiness readiness = evaluator.readiness("for (int i = 0; i < 3; i++) {");
        assertEquals("incomplete", readiness.status());
        assertEquals("    ", readiness.indent());
    }

    @Test
    void magicLinesAreComplete() {
        assertEquals(Readiness.COMPLETE, evaluator.readiness("%maven junit:junit:4.13.2"));
    }

    @Test
    void inspectShowsTheSignature() {
        String doc = evaluator.inspect("Math.max(1, 2)", 7);
        assertNotNull(doc);
        assertTrue(doc.contains("max("), doc);
    }
}
