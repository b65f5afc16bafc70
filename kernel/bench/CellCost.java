import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;

/**
 * What one expression cell costs JShell as a session grows, with JShell's temporary variables kept
 * ($1, $2, ... as the jshell tool keeps them) against dropped after each cell (as coursekit's evaluator
 * does). Both sessions run in this one JVM with the notebook's imports and class path, and their cells
 * alternate, so the JIT and the machine's load fall on both alike.
 *
 * <p>Run by kernel/bench/cell-cost.sh; prints the median wall time of `1 + 1` per window of cells.
 */
public final class CellCost {

    public static void main(String[] args) throws ReflectiveOperationException {
        int cells = args.length > 0 ? Integer.parseInt(args[0]) : 600;
        int window = 100;
        JShell keeping = session();
        JShell dropping = session();
        long[][] nanos = new long[2][cells];
        for (int i = 0; i < cells; i++) {
            nanos[0][i] = cell(keeping, false);
            nanos[1][i] = cell(dropping, true);
        }
        System.out.println("| cells | temporaries kept (JShell's default) | temporaries dropped (coursekit) | kept / dropped |");
        System.out.println("| --- | --- | --- | --- |");
        for (int from = 0; from + window <= cells; from += window) {
            double kept = median(nanos[0], from, window);
            double dropped = median(nanos[1], from, window);
            System.out.printf("| %d-%d | %.1f ms | %.1f ms | %.2f |%n", from + 1, from + window, kept, dropped, kept / dropped);
        }
    }

    private static JShell session() throws ReflectiveOperationException {
        JShell shell = JShell.builder().executionEngine("local").compilerOptions("-proc:none").build();
        shell.addToClasspath(System.getProperty("java.class.path"));
        for (String line : notebookImports()) {
            if (shell.eval(line).get(0).status() != Snippet.Status.VALID) {
                throw new IllegalStateException(line + " did not compile: are coursekit-lib and coursekit-kernel on the class path?");
            }
        }
        return shell;
    }

    /** The start-up imports of every notebook, read from the kernel so that the two cannot drift apart. */
    @SuppressWarnings("unchecked")
    private static List<String> notebookImports() throws ReflectiveOperationException {
        Field imports = Class.forName("coursekit.kernel.eval.Startup").getDeclaredField("IMPORTS");
        imports.setAccessible(true);
        return (List<String>) imports.get(null);
    }

    private static long cell(JShell shell, boolean drop) {
        long start = System.nanoTime();
        List<SnippetEvent> events = shell.eval("1 + 1");
        Snippet snippet = events.get(0).snippet();
        if (drop && snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
            shell.drop(snippet);
        }
        return System.nanoTime() - start;
    }

    private static double median(long[] values, int from, int count) {
        long[] part = Arrays.copyOfRange(values, from, from + count);
        Arrays.sort(part);
        return part[count / 2] / 1e6;
    }
}
