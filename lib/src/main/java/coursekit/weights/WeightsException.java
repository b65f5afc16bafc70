package coursekit.weights;

/**
 * Pretrained weights could not be had or do not fit: a file is missing and cannot be downloaded,
 * is not in the format it claims, or holds shapes that differ from the network's.
 */
public class WeightsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public WeightsException(String message) {
        super(message);
    }

    public WeightsException(String message, Throwable cause) {
        super(message, cause);
    }
}
