package coursekit.kernel.eval;

import coursekit.check.Session;
import java.util.Locale;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.UnresolvedReferenceException;

/**
 * The kernel's side of {@code check("q1")}: compiles a test as one more snippet of the notebook's JShell,
 * so that it sees the student's current definitions.
 *
 * <p>It is called from inside a running cell (the one that calls {@code check}), so it goes to JShell
 * directly rather than through {@link Evaluator#evaluate}, which runs one cell at a time; the snippet it
 * compiles runs on the cell's thread group and so obeys the cell's time limit and interrupts.
 */
final class CheckSession implements Session {

    private final JShell shell;

    CheckSession(JShell shell) {
        this.shell = shell;
    }

    @Override
    public String evaluate(String code) {
        return problem(shell, shell.eval(code));
    }

    /** One sentence saying why {@code events} did not run (the compiler's words, the exception), or {@code null}. */
    static String problem(JShell shell, java.util.List<SnippetEvent> events) {
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                continue;
            }
            if (event.status() == Snippet.Status.REJECTED) {
                String errors = shell.diagnostics(event.snippet()).filter(Diag::isError)
                        .map(d -> d.getMessage(Locale.ROOT).replaceAll("\\s+", " ").strip())
                        .collect(Collectors.joining("; "));
                return errors.isEmpty() ? "JShell did not accept it" : errors;
            }
            if (event.exception() instanceof UnresolvedReferenceException unresolved) {
                return "it needs " + unresolved.getSnippet() + ", which is not defined yet";
            }
            if (event.exception() instanceof EvalException failed) {
                return failed.getExceptionClassName() + ": " + failed.getMessage();
            }
            if (event.exception() != null) {
                return event.exception().toString();
            }
        }
        return null;
    }
}
