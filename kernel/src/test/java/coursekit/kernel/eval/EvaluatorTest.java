package coursekit.kernel.eval;

import static coursekit.kernel.testing.SharedEvaluator.run;
import static coursekit.kernel.testing.SharedEvaluator.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coursekit.kernel.testing.RecordingOutput;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

    @Test
    void definitionsPersistFromCellToCell() {
        run("int base = 40; int twice(int n) { return 2 * n; }");
        assertEquals("82", value("twice(base) + 2"));
    }

    @Test
    void lastExpressionIsTheCellsValue() {
        assertEquals("hello", value("String greeting = \"hel\";\ngreeting + \"lo\""));
    }

    @Test
    void declarationAsLastStatementShowsNothing() {
        CellResult result = run("int quiet = 3;");
        assertTrue(result.ok());
        assertTrue(result.value().isEmpty());
    }

    @Test
    void printedTextArrivesAsStdout() {
        RecordingOutput output = new RecordingOutput();
        run("for (int i = 0; i < 3; i++) System.out.println(\"line \" + i);", output);
        assertEquals("line 0\nline 1\nline 2\n", output.stdout());
    }

    @Test
    void textWithoutNewlineArrivesByTheEndOfTheCell() {
        RecordingOutput output = new RecordingOutput();
        run("System.out.print(\"no newline\"); System.err.print(\"warn\");", output);
        assertEquals("no newline", output.stdout());
        assertEquals("warn", output.stderr());
    }

    @Test
    void compileErrorIsOneMessageWithItsCellLine() {
        CellResult result = run("int fine = 1;\nint broken = undefinedName + 1;");
        assertFalse(result.ok());
        assertEquals("CompileError", result.error().name());
        assertEquals("line 2: cannot find symbol (variable undefinedName)", result.error().value());
        assertTrue(result.error().traceback().get(0).startsWith("Compile error at line 2: cannot find symbol"));
        assertTrue(result.error().text().contains("    int broken = undefinedName + 1;\n                 ^^^^^^^^^^^^^"),
                result.error().text());
    }

    @Test
    void compileErrorInAContinuedStatementPointsAtTheRightLine() {
        CellResult result = run("int sum = 1\n    + 2\n    + missing;");
        assertEquals("line 3: cannot find symbol (variable missing)", result.error().value());
    }

    @Test
    void unfinishedCodeIsACompileError() {
        CellResult result = run("for (int i = 0; i < 3; i++) {");
        assertEquals("CompileError", result.error().name());
        assertTrue(result.error().value().contains("reached end of file"), result.error().value());
    }

    @Test
    void exceptionNamesTheCellLineNotJShellWrappers() {
        CellResult result = run("int a = 1;\nint b = a / 0;");
        assertEquals("ArithmeticException", result.error().name());
        assertEquals("/ by zero", result.error().value());
        assertTrue(result.error().text().contains("at line 2"), result.error().text());
        assertFalse(result.error().text().contains("REPL."), result.error().text());
    }

    @Test
    void exceptionInAnEarlierCellsMethodNamesThatCell() {
        run("void fail() {\n  throw new IllegalStateException(\"from a method\");\n}");
        CellResult result = run("fail()");
        assertTrue(result.error().text().contains("at fail (line 2 of cell ["), result.error().text());
    }

    @Test
    void kitFacadeIsImportedAtStart() {
        assertEquals("30", value("epochs(30)"));
    }

    @Test
    void kitPackagesAndJavaUtilAreImportedWithoutClashes() {
        assertEquals("true", value("History h = new History(); List<Path> p = new ArrayList<>(); Figure f = null; Split s = null; h.epochs() == 0"));
    }

    @Test
    void displayShowsNowAndItsHandleIsNotTheCellsValue() {
        RecordingOutput output = new RecordingOutput();
        CellResult result = run("System.out.println(\"before\");\ndisplay(\"shown\")", output);
        assertTrue(result.value().isEmpty());
        assertEquals(java.util.List.of("stdout:before\n", "display:shown"), output.events());
    }

    @Test
    void multipleStatementsOnOneLineAllRun() {
        assertEquals("6", value("int p = 1; int q = 2; int r = 3; p + q + r"));
    }

    @Test
    void magicLineAndCodeMixInOneCell() {
        RecordingOutput output = new RecordingOutput();
        CellResult result = run("int beforeMagic = 5;\n%lsmagic\nbeforeMagic * 2", output);
        assertEquals("10", result.value().orElseThrow().text());
        assertTrue(output.stdout().contains("%maven"), output.stdout());
    }

    @Test
    void anExpressionsValueIsLetGoAfterItsCell() {
        run("var tracked = new java.util.ArrayList<java.lang.ref.WeakReference<Object>>();\n"
                + "Object track(Object value) { tracked.add(new java.lang.ref.WeakReference<>(value)); return value; }");
        assertTrue(run("track(new int[4_000_000])").ok());
        run("0");
        String collected = "false";
        for (int attempt = 0; attempt < 20 && collected.equals("false"); attempt++) {
            collected = value("System.gc(); tracked.get(0).get() == null");
        }
        assertEquals("true", collected, "the 16 MB array shown by an earlier cell is still reachable");
    }

    @Test
    void expressionsLeaveNoTemporaryVariablesBehind() {
        assertEquals("41", value("41"));
        CellResult result = run("$1");
        assertFalse(result.ok());
        assertEquals("CompileError", result.error().name());
    }
}
