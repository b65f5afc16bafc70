package coursekit.kernel.eval;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;

/**
 * Runs the Java of a cell in JShell snippet by snippet: each snippet placed at its cell line for stack traces,
 * compile and run-time errors mapped to the cell, the value of the last expression taken and its temporary dropped.
 */
final class SnippetSteps {

    private final JShell shell;
    private final SourceCodeAnalysis analysis;
    private final KernelExecutionControl control;
    private final CellRunner runner;
    private final SnippetPlaces places;
    private final SnippetDrops drops;
    private final Consumer<String> say;

    SnippetSteps(JShell shell, SourceCodeAnalysis analysis, KernelExecutionControl control, CellRunner runner,
            SnippetPlaces places, SnippetDrops drops, Consumer<String> say) {
        this.shell = shell;
        this.analysis = analysis;
        this.control = control;
        this.runner = runner;
        this.places = places;
        this.drops = drops;
        this.say = say;
    }

    /**
     * Runs {@code code}, which starts at {@code segmentOffset} of {@code cell} (numbered {@code number}), one complete
     * snippet at a time; the step holds the last snippet's value, or the first error.
     */
    Step eval(CellText cell, int segmentOffset, String code, int number) {
        Step last = Step.NOTHING;
        String remaining = code;
        int consumed = 0;
        while (true) {
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            Completeness completeness = info.completeness();
            if (completeness == Completeness.EMPTY) {
                return last;
            }
            boolean complete = completeness.isComplete();
            // Incomplete or unparsable code goes to the compiler whole, so that javac says what is wrong.
            String source = complete ? info.source() : remaining;
            String rest = complete ? info.remaining() : "";
            int snippetOffset = segmentOffset + consumed + locate(remaining, source);
            control.forget();
            List<SnippetEvent> events = shell.eval(source);
            // JShell counts a snippet's stack trace lines from its first non-blank character.
            int firstLine = cell.lineOf(snippetOffset + leadingWhitespace(source));
            for (SnippetEvent event : events) {
                if (event.causeSnippet() == null) {
                    places.put(event.snippet().id(), number, firstLine);
                }
            }
            if (runner.stopped() != null) {
                return last;
            }
            CellError error = check(events, cell, snippetOffset);
            if (error != null) {
                return Step.failed(error);
            }
            last = valueOf(events);
            drops.releaseTemporaries(events);
            if (!complete) {
                return last;
            }
            consumed += remaining.length() - rest.length();
            remaining = rest;
        }
    }

    private CellError check(List<SnippetEvent> events, CellText cell, int snippetOffset) {
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                continue;
            }
            Snippet snippet = event.snippet();
            if (event.status() == Snippet.Status.REJECTED) {
                List<Diag> errors = shell.diagnostics(snippet).filter(Diag::isError).collect(Collectors.toList());
                if (errors.isEmpty()) {
                    return Errors.usage("CompileError", "line " + cell.lineOf(snippetOffset) + ": JShell did not accept this code.");
                }
                return Errors.compile(errors, cell, snippetOffset);
            }
            if (event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED && snippet instanceof DeclarationSnippet declaration) {
                return Errors.unresolved(declaration.name(), shell.unresolvedDependencies(declaration).collect(Collectors.toList()),
                        cell.lineOf(snippetOffset));
            }
            if (event.exception() != null) {
                return Errors.runtime(event.exception(), control.failure(), places);
            }
            if (event.status() == Snippet.Status.RECOVERABLE_DEFINED && snippet instanceof DeclarationSnippet declaration) {
                List<String> missing = shell.unresolvedDependencies(declaration).collect(Collectors.toList());
                if (!missing.isEmpty()) {
                    say.accept("Note: " + declaration.name() + " is defined but cannot be used until "
                            + String.join(", ", missing) + " is declared.");
                }
            }
        }
        return null;
    }

    private Step valueOf(List<SnippetEvent> events) {
        SnippetEvent main = null;
        for (SnippetEvent event : events) {
            if (event.causeSnippet() == null) {
                main = event;
            }
        }
        if (main == null || !control.hasValue()) {
            return Step.NOTHING;
        }
        return switch (main.snippet().subKind()) {
            case VAR_VALUE_SUBKIND, TEMP_VAR_EXPRESSION_SUBKIND, OTHER_EXPRESSION_SUBKIND -> Step.value(control.value());
            default -> Step.NOTHING;
        };
    }

    /**
     * Where {@code source} (JShell's copy of the next snippet, which may keep leading blank lines and
     * gain a closing semicolon) starts within {@code remaining}, so diagnostics map to cell positions.
     */
    private static int locate(String remaining, String source) {
        int codeStart = leadingWhitespace(source);
        String probe = source.substring(codeStart);
        int newline = probe.indexOf('\n');
        if (newline > 0) {
            probe = probe.substring(0, newline);
        }
        probe = probe.substring(0, Math.min(probe.length(), 24));
        if (probe.endsWith(";")) {
            probe = probe.substring(0, probe.length() - 1);
        }
        int found = probe.isEmpty() ? -1 : remaining.indexOf(probe);
        if (found >= 0) {
            return Math.max(0, found - codeStart);
        }
        int first = 0;
        while (first < remaining.length() && Character.isWhitespace(remaining.charAt(first))) {
            first++;
        }
        return Math.max(0, first - codeStart);
    }

    private static int leadingWhitespace(String text) {
        int n = 0;
        while (n < text.length() && Character.isWhitespace(text.charAt(n))) {
            n++;
        }
        return n;
    }
}
