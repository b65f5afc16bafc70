package coursekit.kernel.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.ImportSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.VarSnippet;

/**
 * Removes snippets from the session: the variables JShell makes for expressions, once their values are in hand, and
 * the cells' declarations that the grader names; the start-up imports stay.
 */
final class SnippetDrops {

    private final JShell shell;
    private final KernelExecutionControl control;
    private final Set<String> startupSnippets;

    SnippetDrops(JShell shell, KernelExecutionControl control, Set<String> startupSnippets) {
        this.shell = shell;
        this.control = control;
        this.startupSnippets = startupSnippets;
    }

    /**
     * Drops every active method, type, variable and single import of the cells (not the start-up imports)
     * whose name is in {@code names}, except imports of a name in {@code importable}, so that code compiled
     * from now on cannot see it; returns the names dropped, in the order they were declared.
     */
    List<String> drop(Set<String> names, Set<String> importable) {
        List<String> dropped = new ArrayList<>();
        for (Snippet snippet : shell.snippets().collect(Collectors.toList())) {
            String name = switch (snippet.kind()) {
                case METHOD, TYPE_DECL, VAR -> ((DeclarationSnippet) snippet).name();
                case IMPORT -> ((ImportSnippet) snippet).name();
                default -> null;
            };
            boolean kept = snippet.kind() == Snippet.Kind.IMPORT && importable.contains(name);
            if (name != null && names.contains(name) && !kept && !startupSnippets.contains(snippet.id())
                    && shell.status(snippet).isActive()) {
                shell.drop(snippet);
                dropped.add(name);
            }
        }
        return dropped;
    }

    /**
     * Drops the variable JShell makes for an expression ({@code $1}, {@code $2}, ...) once its value is in
     * hand, and clears the variable's field. Left in place, each one would keep its value (a tensor, an
     * image) alive for the rest of the session and add one more import to the compile of every later
     * cell, so that cells got slower as the notebook grew.
     */
    void releaseTemporaries(List<SnippetEvent> events) {
        for (SnippetEvent event : events) {
            if (event.causeSnippet() == null && event.snippet() instanceof VarSnippet temporary
                    && temporary.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND
                    && shell.status(temporary).isActive()) {
                control.clearField(temporary.name());
                shell.drop(temporary);
            }
        }
    }
}
