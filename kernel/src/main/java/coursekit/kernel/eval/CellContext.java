package coursekit.kernel.eval;

import coursekit.kernel.render.MimeBundle;
import coursekit.kernel.render.Renderers;

/**
 * What code running in a cell reaches the notebook through: rendering and showing rich output.
 * {@code coursekit.kernel.Notebook}'s {@code display(...)} calls land here.
 */
public final class CellContext {

    private final CellStreams streams;
    private final CellInput input;
    private final Renderers renderers;

    CellContext(CellStreams streams, Renderers renderers) {
        this.streams = streams;
        this.input = new CellInput(streams);
        this.renderers = renderers;
    }

    /** The context of the cell whose thread calls; throws outside cells. */
    public static CellContext current() {
        CellContext context = SystemStreams.current();
        if (context == null) {
            throw new IllegalStateException("Notebook output such as display(...) works only in code a notebook cell runs,"
                    + " not on threads the kernel did not start for a cell.");
        }
        return context;
    }

    /** Whether the calling thread runs code of a notebook cell, so that {@link #current()} has a context to give. */
    public static boolean inCell() {
        return SystemStreams.current() != null;
    }

    /** The object as the notebook would show it, or {@code null} for nothing. */
    public MimeBundle render(Object value) {
        try {
            return renderers.render(value);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot show " + value.getClass().getName() + ": " + e.getMessage(), e);
        }
    }

    /** Shows {@code bundle} now, after anything printed before it. */
    public void display(MimeBundle bundle, String displayId) {
        CellOutput output = flushed();
        if (output != null) {
            output.display(bundle, displayId);
        }
    }

    /** Replaces the output shown under {@code displayId}. */
    public void updateDisplay(MimeBundle bundle, String displayId) {
        CellOutput output = flushed();
        if (output != null) {
            output.updateDisplay(bundle, displayId);
        }
    }

    /** Clears the cell's output. */
    public void clearOutput(boolean wait) {
        CellOutput output = flushed();
        if (output != null) {
            output.clearOutput(wait);
        }
    }

    CellStreams streams() {
        return streams;
    }

    CellInput input() {
        return input;
    }

    Renderers renderers() {
        return renderers;
    }

    private CellOutput flushed() {
        streams.flush();
        CellOutput output = streams.target();
        if (output == null) {
            SystemStreams.log().println("coursekit kernel: output from a background thread after its cell ended was dropped.");
        }
        return output;
    }
}
