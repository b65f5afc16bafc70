package coursekit.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coursekit.check.TestCase;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReservedNamesTest {

    private static final List<TestCase> TESTS = List.of(new TestCase("q1", "t", 1, false, false, null,
            "Shape s = new Shape(2); assertEquals(6, check(3), \"check(3) should be 6 with Arrays\"); // List"));

    @Test
    void whatTheTestsUseAndTheNotebookDoesNotDeclareIsReserved() {
        ReservedNames.Names names = ReservedNames.of(List.of("import ai.djl.ndarray.types.Shape;\nint check(int n) { return 2 * n; }"), TESTS);
        assertTrue(names.reserved().contains("assertEquals"), names.toString());
        assertTrue(names.reserved().contains("coursekit"), names.toString());
        assertTrue(names.reserved().contains("Shape"), names.toString());
        assertEquals(List.of("Shape"), names.importable());
    }

    @Test
    void whatTheNotebookDeclaresStaysEvenWhenTheScaffoldingUsesTheName() {
        ReservedNames.Names names = ReservedNames.of(List.of("%maven x:y:1\nint check(int n) { return 2 * n; }"), TESTS);
        assertFalse(names.reserved().contains("check"), names.toString());
    }

    @Test
    void wordsInStringsAndCommentsAreNotNames() {
        ReservedNames.Names names = ReservedNames.of(List.of(""), TESTS);
        assertFalse(names.reserved().contains("Arrays"), names.toString());
        assertFalse(names.reserved().contains("List"), names.toString());
    }

    @Test
    void aVarTheNotebookDeclaresStaysThoughItsTypeIsUnknownHere() {
        List<TestCase> tests = List.of(new TestCase("q5", "t", 1, false, false, null,
                "assertEquals(history.epochs(), best + 0 * model.numClasses());"));
        ReservedNames.Names names = ReservedNames.of(List.of("var model = scratchModel(data.imageShape());",
                "final var history = fit(model, data, FitConfig.epochs(3));\nint best = 2;"), tests);
        assertFalse(names.reserved().contains("model"), names.toString());
        assertFalse(names.reserved().contains("history"), names.toString());
        assertFalse(names.reserved().contains("best"), names.toString());
        assertTrue(names.reserved().contains("assertEquals"), names.toString());
    }
}
