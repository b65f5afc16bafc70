package coursekit.kernel.eval;

/** Whether code can run as it is: Jupyter's {@code is_complete} statuses, with the indent for a next line. */
public record Readiness(String status, String indent) {

    public static final Readiness COMPLETE = new Readiness("complete", "");
    public static final Readiness INVALID = new Readiness("invalid", "");

    static Readiness incomplete(String indent) {
        return new Readiness("incomplete", indent);
    }
}
