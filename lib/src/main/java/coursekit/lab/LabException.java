package coursekit.lab;

/** A lab cannot run as asked; the message says why and what to do, in one sentence. */
public final class LabException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean help;

    public LabException(String message) {
        this(message, false);
    }

    private LabException(String message, boolean help) {
        super(message);
        this.help = help;
    }

    /** Not a problem: the user asked for the lab's options ({@code --help}); the message lists them. */
    static LabException help(String message) {
        return new LabException(message, true);
    }

    /** Whether this is the answer to {@code --help} rather than a failure. */
    public boolean isHelp() {
        return help;
    }
}
