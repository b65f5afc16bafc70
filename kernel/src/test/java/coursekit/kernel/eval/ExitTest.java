package coursekit.kernel.eval;

import static coursekit.kernel.testing.SharedEvaluator.run;
import static coursekit.kernel.testing.SharedEvaluator.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExitTest {

    @Test
    void systemExitEndsTheCellNotTheKernel() {
        run("int survivor = 11;");
        CellResult result = run("System.out.println(\"bye\");\nSystem.exit(3);");
        assertEquals("SystemExit", result.error().name());
        assertTrue(result.error().value().startsWith("System.exit(3) ended the cell, not the kernel"), result.error().value());
        assertEquals("11", value("survivor"));
    }

    @Test
    void exitInsideALambdaIsCaughtToo() {
        assertEquals("SystemExit", run("Runnable quit = () -> System.exit(4);\nquit.run();").error().name());
    }

    @Test
    void exitThroughAMethodReferenceIsCaughtToo() {
        assertEquals("SystemExit", run("java.util.function.IntConsumer quit = System::exit;\nquit.accept(5);").error().name());
    }

    @Test
    void runtimeExitAndHaltAreCaughtToo() {
        assertEquals("SystemExit", run("Runtime.getRuntime().exit(6)").error().name());
        assertEquals("SystemExit", run("Runtime.getRuntime().halt(7)").error().name());
    }

    @Test
    void catchingExceptionDoesNotSwallowTheExit() {
        assertEquals("SystemExit", run("try { System.exit(8); } catch (Exception e) { }").error().name());
    }
}
