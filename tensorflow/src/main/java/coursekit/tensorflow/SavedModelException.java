package coursekit.tensorflow;

/**
 * A SavedModel that cannot be used as asked, or a TensorFlow engine that cannot start; the message
 * is one sentence that names the folder or value and says what to do.
 */
public final class SavedModelException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SavedModelException(String message) {
        super(message);
    }

    public SavedModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
