package coursekit.data;

/**
 * Bad dataset input: a missing, truncated or malformed file, or a folder in the wrong layout.
 *
 * <p>The message is one sentence that names the file, says what is wrong with it and what to do,
 * so that it reads on its own in a notebook cell without the stack trace.
 */
public final class DatasetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DatasetException(String message) {
        super(message);
    }

    /** Keeps the low-level cause for debugging; the message must still stand alone. */
    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
