package coursekit.lab;

/** A lab cannot run as asked; the message says why and what to do, in one sentence. */
public final class LabException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LabException(String message) {
        super(message);
    }
}
