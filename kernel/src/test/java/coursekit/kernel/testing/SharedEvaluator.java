package coursekit.kernel.testing;

import coursekit.kernel.eval.CellResult;
import coursekit.kernel.eval.Evaluator;

/**
 * One evaluator for a whole test run: starting JShell takes a second or two, and sharing it also
 * proves that cells which failed, looped or exited leave it usable for the next test.
 */
public final class SharedEvaluator {

    private static Evaluator evaluator;

    private SharedEvaluator() {}

    /** The shared evaluator (offline Maven, no timeout). */
    public static synchronized Evaluator get() {
        if (evaluator == null) {
            evaluator = Evaluator.builder().mavenOffline(true).build();
        }
        return evaluator;
    }

    /** Runs {@code code} as a cell, with its outputs recorded into {@code output}. */
    public static CellResult run(String code, RecordingOutput output) {
        return get().evaluate(code, output);
    }

    /** Runs {@code code} as a cell and returns the result. */
    public static CellResult run(String code) {
        return run(code, new RecordingOutput());
    }

    /** The text of a successful cell's value; fails the test with the cell's error otherwise. */
    public static String value(String code) {
        CellResult result = run(code);
        if (!result.ok()) {
            throw new AssertionError("Cell failed: " + result.error().text());
        }
        return result.value().map(v -> v.text()).orElse(null);
    }
}
