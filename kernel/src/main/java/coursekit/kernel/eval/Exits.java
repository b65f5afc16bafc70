package coursekit.kernel.eval;

/**
 * What cell code calls instead of {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt}:
 * {@link Instrumenter} rewrites those calls to these methods, which end the cell but not the kernel.
 *
 * <p>Rewriting the cell's bytecode was chosen over a {@code SecurityManager}: the security manager
 * needs {@code -Djava.security.manager=allow} on 17 to 23, cannot be installed at all from Java 24,
 * and slows every permission check in the kernel. The rewrite covers calls written in cells
 * (including method references such as {@code System::exit}); a library that exits on its own still
 * ends the kernel.
 */
public final class Exits {

    private Exits() {}

    /** Replaces {@code System.exit(status)}. */
    public static void exit(int status) {
        throw new CellExit("System.exit", status);
    }

    /** Replaces {@code runtime.exit(status)}. */
    public static void exit(Runtime runtime, int status) {
        throw new CellExit("Runtime.exit", status);
    }

    /** Replaces {@code runtime.halt(status)}. */
    public static void halt(Runtime runtime, int status) {
        throw new CellExit("Runtime.halt", status);
    }
}
