package coursekit.kernel.eval;

import coursekit.kernel.render.MimeBundle;
import java.util.Optional;

/**
 * How a cell ended: with the rendered value of its last expression (if any), or with an error.
 */
public final class CellResult {

    private final MimeBundle value;
    private final CellError error;

    private CellResult(MimeBundle value, CellError error) {
        this.value = value;
        this.error = error;
    }

    static CellResult ok(MimeBundle value) {
        return new CellResult(value, null);
    }

    static CellResult failed(CellError error) {
        return new CellResult(null, error);
    }

    public boolean ok() {
        return error == null;
    }

    /** The rendered last expression; empty for statements, declarations and errors. */
    public Optional<MimeBundle> value() {
        return Optional.ofNullable(value);
    }

    /** The error; throws when the cell succeeded. */
    public CellError error() {
        if (error == null) {
            throw new IllegalStateException("The cell succeeded, so it has no error.");
        }
        return error;
    }

    @Override
    public String toString() {
        return ok() ? "ok " + (value == null ? "(no value)" : value.text()) : "error " + error.name() + ": " + error.value();
    }
}
