package coursekit.check;

/** A problem with an assignment's tests or with how checks are called, said in one sentence. */
public final class CheckException extends RuntimeException {

    public CheckException(String message) {
        super(message);
    }
}
