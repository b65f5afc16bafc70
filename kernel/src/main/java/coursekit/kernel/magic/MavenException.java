package coursekit.kernel.magic;

/** A {@code %maven} request that could not be met; the message says why and what to check. */
public final class MavenException extends Exception {

    private static final long serialVersionUID = 1L;

    public MavenException(String message) {
        super(message);
    }

    public MavenException(String message, Throwable cause) {
        super(message, cause);
    }
}
