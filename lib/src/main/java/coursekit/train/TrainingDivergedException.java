package coursekit.train;

/** Thrown when the loss becomes NaN or infinite: the weights are no longer meaningful. */
public final class TrainingDivergedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TrainingDivergedException(String message) {
        super(message);
    }
}
