package coursekit.grading;

/** A problem with the instructor's input (folders, options, the assignment itself), in one sentence. */
final class GradingException extends RuntimeException {

    GradingException(String message) {
        super(message);
    }
}
