package coursekit.io;

/** A download that could not be made, with one sentence naming the file, the address and what to do. */
public final class DownloadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DownloadException(String message) {
        super(message);
    }

    public DownloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
