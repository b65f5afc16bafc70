package coursekit.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coursekit.kernel.testing.RecordingOutput;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the grader asks of the evaluator between the last cell and the tests: values by hand, names set aside. */
class GraderSupportTest {

    private Evaluator evaluator;

    @BeforeEach
    void start() {
        evaluator = Evaluator.builder().answersChecks(false).build();
    }

    @AfterEach
    void stop() {
        evaluator.close();
    }

    private CellResult cell(String code) {
        return evaluator.evaluate(code, new RecordingOutput());
    }

    @Test
    void aValueComesBackAsTheObjectItself() {
        cell("int twice(int n) { return 2 * n; }");
        SnippetValue value = evaluator.valueOf("(java.util.function.Supplier<Integer>) () -> twice(21)");
        assertNull(value.problem());
        assertEquals(42, ((Supplier<?>) value.value()).get());
    }

    @Test
    void codeThatDoesNotCompileSaysWhy() {
        SnippetValue value = evaluator.valueOf("(Runnable) () -> missing(1)");
        assertNull(value.value());
        assertTrue(value.problem().startsWith("cannot find symbol"), value.problem());
    }

    @Test
    void droppedDefinitionsAreGoneForLaterCodeAndTheStartUpImportsStay() {
        cell("void assertEquals(int a, int b) { }\nint twice(int n) { return 2 * n; }");
        assertEquals(List.of("assertEquals"), evaluator.drop(Set.of("assertEquals", "check", "Path"), Set.of()));
        assertFalse(cell("assertEquals(1, 2);").ok());
        assertTrue(cell("Runnable r = () -> check(\"q1\"); Path p = Path.of(\"x\"); int four = twice(2);").ok());
    }

    @Test
    void anImportStaysWhenItsNameMayBeImported() {
        cell("import java.awt.List;");
        assertEquals(List.of(), evaluator.drop(Set.of("List"), Set.of("List")));
        assertEquals(List.of("List"), evaluator.drop(Set.of("List"), Set.of()));
    }

    @Test
    void aCellFindsNoCompiledBytecodeInItsClassLoader() {
        cell("class Hidden { int secret() { return 42; } }");
        CellResult result = cell("""
                var loader = Thread.currentThread().getContextClassLoader();
                var field = loader.getClass().getDeclaredField("declared");
                field.setAccessible(true);
                ((java.util.Map<?, ?>) field.get(loader)).size()""");
        assertTrue(result.ok(), result::toString);
        assertEquals("0", result.value().orElseThrow().text());
    }
}
