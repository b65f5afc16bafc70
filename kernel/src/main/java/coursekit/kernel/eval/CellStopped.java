package coursekit.kernel.eval;

/**
 * Thrown inside a cell's threads to end them after an interrupt or a timeout.
 *
 * <p>An {@link Error}, so that cell code catching {@link Exception} does not swallow it.
 */
final class CellStopped extends Error {

    private static final long serialVersionUID = 1L;

    CellStopped() {
        super("The cell was stopped.", null, false, false);
    }
}
