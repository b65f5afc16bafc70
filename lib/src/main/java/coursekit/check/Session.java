package coursekit.check;

/**
 * The live notebook session that checks compile their tests in: the Java kernel installs one when it
 * starts (see {@link Checks#useSession(Session)}), so that a test sees the student's current definitions.
 *
 * <p>lib knows nothing of the kernel; this one method is the whole contract between them.
 */
@FunctionalInterface
public interface Session {

    /**
     * Compiles and runs {@code code} as one more snippet of the session, and returns {@code null} when it
     * ran, or one sentence saying why it did not (the compiler's message, the exception).
     */
    String evaluate(String code);
}
