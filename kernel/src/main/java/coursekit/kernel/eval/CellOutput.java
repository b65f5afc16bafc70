package coursekit.kernel.eval;

import coursekit.kernel.render.MimeBundle;

/**
 * Where a running cell's outputs go as they happen: the Jupyter kernel publishes them, the headless
 * runner writes them into the notebook.
 *
 * <p>Called from the cell's own threads, so implementations must be thread-safe and must not block on
 * I/O that an interrupt could break.
 */
public interface CellOutput {

    /** Text written to {@code System.out} ({@code "stdout"}) or {@code System.err} ({@code "stderr"}). */
    void stream(String name, String text);

    /** A rich output shown now; {@code displayId} lets later updates replace it, or is {@code null}. */
    void display(MimeBundle bundle, String displayId);

    /** Replaces the output shown earlier under {@code displayId}. */
    void updateDisplay(MimeBundle bundle, String displayId);

    /** Clears the cell's output, now or ({@code wait}) when the next output arrives. */
    void clearOutput(boolean wait);

    /** A line typed by the user for {@code System.in}, without its line end, or {@code null} when there is no input. */
    default String readLine(String prompt) {
        return null;
    }
}
