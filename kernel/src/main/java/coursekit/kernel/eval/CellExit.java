package coursekit.kernel.eval;

/**
 * Thrown where a cell called {@code System.exit}, {@code Runtime.exit} or {@code Runtime.halt}: the
 * call ends the cell instead of the kernel.
 *
 * <p>An {@link Error}, so that cell code catching {@link Exception} does not swallow it.
 */
final class CellExit extends Error {

    private static final long serialVersionUID = 1L;

    private final int status;

    CellExit(String call, int status) {
        super(call + "(" + status + ")", null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
