package coursekit.kernel.eval;

import coursekit.kernel.render.MimeBundle;
import coursekit.kernel.render.Renderers;
import java.io.File;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.VarSnippet;

/**
 * Runs notebook cells with JShell inside this JVM: definitions persist from cell to cell, the last
 * expression's value is rendered, and a cell that loops, sleeps, exits or runs out of memory ends as an
 * error output while the evaluator and everything defined before stay usable.
 *
 * <p>The Jupyter kernel and the headless runner both drive cells through this one class.
 */
public final class Evaluator implements AutoCloseable {

    private static final AtomicInteger GROUPS = new AtomicInteger();

    private final ThreadGroup group;
    private final CellStreams streams;
    private final CellContext context;
    private final SnippetLoader loader;
    private final CellRunner runner;
    private final KernelExecutionControl control;
    private final JShell shell;
    private final SourceCodeAnalysis analysis;
    private final SnippetPlaces places = new SnippetPlaces();
    private final ScheduledExecutorService timer;
    private final Magics magics;
    private final java.util.Set<String> startupSnippets;
    private volatile Duration timeout;
    private int cellsRun;
    private boolean closed;

    private Evaluator(Builder builder) {
        this.group = new ThreadGroup("coursekit-cells-" + GROUPS.incrementAndGet());
        this.streams = new CellStreams(SystemStreams.originalOut(), SystemStreams.log());
        this.context = new CellContext(streams, builder.renderers);
        SystemStreams.register(group, context);
        this.loader = new SnippetLoader(Evaluator.class.getClassLoader(), builder.classPath);
        this.runner = new CellRunner(group, loader.classLoader());
        this.control = new KernelExecutionControl(loader, runner);
        this.timeout = builder.timeout;
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "coursekit-cell-timer");
            thread.setDaemon(true);
            return thread;
        });
        // Partial lines (progress bars) reach the notebook a few times a second. The task catches
        // everything: one that throws (even an OutOfMemoryError while a cell fills the heap) is cancelled.
        timer.scheduleWithFixedDelay(() -> {
            try {
                streams.flush();
            } catch (Throwable ignored) {
                // The next flush, or the cell's end, sends the text.
            }
        }, 100, 100, TimeUnit.MILLISECONDS);
        this.shell = JShell.builder()
                .executionEngine(new KernelExecutionControl.Provider(control), Map.of())
                .in(InputStream.nullInputStream())
                .out(SystemStreams.log())
                .err(SystemStreams.log())
                // No annotation processors: scanning the class path for them costs every cell time.
                .compilerOptions("-proc:none")
                .build();
        this.analysis = shell.sourceCodeAnalysis();
        shell.addToClasspath(String.join(File.pathSeparator, builder.classPath));
        this.magics = new Magics(this, builder.mavenOffline);
        for (String line : Startup.IMPORTS) {
            startup(line);
        }
        this.startupSnippets = shell.snippets().map(Snippet::id).collect(Collectors.toUnmodifiableSet());
        // check("q1") in a cell compiles its tests in this session (the last evaluator started wins).
        if (builder.answersChecks) {
            coursekit.check.Checks.useSession(new CheckSession(shell));
        }
    }

    /** A builder with no timeout, online Maven resolution, the standard renderers and this JVM's class path. */
    public static Builder builder() {
        return new Builder();
    }

    /** Runs {@code code} as the next cell, numbered one more than the last. */
    public CellResult evaluate(String code, CellOutput output) {
        return evaluate(code, output, cellsRun + 1);
    }

    /**
     * Runs {@code code} as cell number {@code cell} (its execution count, used in error messages), sending
     * printed text and displays to {@code output} while it runs.
     */
    public synchronized CellResult evaluate(String code, CellOutput output, int cell) {
        if (closed) {
            throw new IllegalStateException("This evaluator was closed; start a new one.");
        }
        cellsRun = Math.max(cellsRun, cell);
        places.enterCell(cell);
        context.input().discard();
        streams.attach(output);
        runner.begin();
        Duration limit = timeout;
        ScheduledFuture<?> watchdog = limit.isZero() ? null
                : timer.schedule(() -> runner.stop(CellRunner.Stop.TIMEOUT), limit.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return run(new CellText(code), cell, limit);
        } catch (Throwable t) {
            // A failure of the evaluator's own work ends this cell, never the kernel.
            return CellResult.failed(Errors.of(t));
        } finally {
            if (watchdog != null) {
                watchdog.cancel(false);
            }
            runner.end();
            streams.detach();
        }
    }

    /**
     * Compiles and runs {@code expression} as one more snippet, between cells, and returns its value as an
     * object. The value goes straight to the caller, never through a field that cell code could reach, and
     * the variable JShell makes for it is dropped at once: the grader takes each test's compiled body this way.
     */
    public synchronized SnippetValue valueOf(String expression) {
        if (closed) {
            throw new IllegalStateException("This evaluator was closed; start a new one.");
        }
        runner.begin();
        try {
            control.forget();
            List<SnippetEvent> events = shell.eval(expression);
            String problem = CheckSession.problem(shell, events);
            Object value = problem == null && control.hasValue() ? control.value() : null;
            releaseTemporaries(events);
            control.forget();
            return new SnippetValue(value, problem);
        } finally {
            runner.end();
        }
    }

    /**
     * Drops every active method, type, variable and single import of the cells (not the start-up imports)
     * whose name is in {@code names}, except imports of a name in {@code importable}, so that code compiled
     * from now on cannot see it; returns the names dropped, in the order they were declared.
     */
    public synchronized List<String> drop(java.util.Set<String> names, java.util.Set<String> importable) {
        List<String> dropped = new ArrayList<>();
        for (Snippet snippet : shell.snippets().collect(Collectors.toList())) {
            String name = switch (snippet.kind()) {
                case METHOD, TYPE_DECL, VAR -> ((DeclarationSnippet) snippet).name();
                case IMPORT -> ((jdk.jshell.ImportSnippet) snippet).name();
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

    /** Stops the running cell (see {@link CellRunner}); does nothing between cells. Safe from any thread. */
    public void interrupt() {
        runner.stop(CellRunner.Stop.INTERRUPT);
    }

    /** The per-cell time limit; {@link Duration#ZERO} for none. */
    public Duration timeout() {
        return timeout;
    }

    /** Sets the per-cell time limit for the cells that follow; {@link Duration#ZERO} for none. */
    public void timeout(Duration limit) {
        if (limit.isNegative()) {
            throw new IllegalArgumentException("A cell time limit cannot be negative, but got " + limit + ".");
        }
        this.timeout = limit;
    }

    /** Completions for the code before {@code cursor}. */
    public synchronized Completion complete(String code, int cursor) {
        int at = Math.max(0, Math.min(cursor, code.length()));
        int lineStart = code.lastIndexOf('\n', at - 1) + 1;
        if (code.startsWith("%", lineStart)) {
            return magics.complete(code.substring(lineStart, at), lineStart);
        }
        String before = maskMagics(code).substring(0, at);
        int unitStart = unitStart(before);
        int[] anchor = new int[1];
        List<String> matches = analysis.completionSuggestions(before.substring(unitStart), at - unitStart, anchor).stream()
                .map(SourceCodeAnalysis.Suggestion::continuation)
                .distinct()
                .collect(Collectors.toList());
        return new Completion(matches, unitStart + anchor[0], at);
    }

    /** Whether {@code code} is ready to run ({@code complete}), needs more lines, or cannot compile. */
    public synchronized Readiness readiness(String code) {
        String java = code.lines().filter(line -> !line.startsWith("%")).collect(Collectors.joining("\n"));
        String rest = java;
        while (!rest.isBlank()) {
            CompletionInfo info = analysis.analyzeCompletion(rest);
            switch (info.completeness()) {
                case COMPLETE, COMPLETE_WITH_SEMI -> rest = info.remaining();
                case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> {
                    return Readiness.incomplete(nextIndent(java));
                }
                case EMPTY -> rest = "";
                default -> {
                    return Readiness.INVALID;
                }
            }
        }
        return Readiness.COMPLETE;
    }

    /** Documentation of what is at {@code cursor}, or {@code null} when there is none. */
    public synchronized String inspect(String code, int cursor) {
        int at = Math.max(0, Math.min(cursor, code.length()));
        String java = maskMagics(code);
        int unitStart = unitStart(java.substring(0, at));
        String unit = java.substring(unitStart);
        int position = at - unitStart;
        List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(unit, position, true);
        if (docs.isEmpty()) {
            // JShell documents a call from inside its parentheses and a type from its end; a cursor on
            // a name gets both tries.
            int end = position;
            while (end < unit.length() && Character.isJavaIdentifierPart(unit.charAt(end))) {
                end++;
            }
            docs = analysis.documentation(unit.substring(0, end) + "(", end + 1, true);
            if (docs.isEmpty()) {
                docs = analysis.documentation(unit.substring(0, end), end, true);
            }
        }
        if (docs.isEmpty()) {
            return null;
        }
        return docs.stream()
                .map(d -> {
                    String opening = JavadocText.opening(d.javadoc(), 2);
                    return opening.isEmpty() ? d.signature() : d.signature() + "\n\n" + opening;
                })
                .collect(Collectors.joining("\n\n"));
    }

    /** The jars and folders added by magics since start. */
    public List<Path> addedClassPath() {
        return loader.addedPaths();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        interrupt();
        timer.shutdownNow();
        shell.close();
        SystemStreams.unregister(group);
    }

    // ---- package-private services for Magics ----

    void addToClassPath(List<Path> paths) {
        for (Path path : paths) {
            shell.addToClasspath(path.toAbsolutePath().toString());
        }
    }

    /** Prints a line into the current cell's output (from the evaluator's own thread). */
    void say(String line) {
        streams.flush();
        CellOutput output = streams.target();
        if (output != null) {
            output.stream("stdout", line + "\n");
        }
    }

    CellRunner runner() {
        return runner;
    }

    Step evalSource(CellText source, int cell) {
        return evalCode(source, 0, source.text(), cell);
    }

    // ---- the cell ----

    private CellResult run(CellText cell, int number, Duration limit) {
        if (cell.text().startsWith("%%")) {
            return CellResult.failed(Errors.usage("UnknownMagic",
                    "Cell magics (%%) are not supported; put line magics such as %maven on lines of their own."));
        }
        Step last = Step.NOTHING;
        for (Segment segment : Segment.split(cell.text())) {
            last = segment.magic() ? magics.run(segment.text()) : evalCode(cell, segment.offset(), segment.text(), number);
            CellRunner.Stop stop = runner.stopped();
            if (stop != null) {
                return CellResult.failed(Errors.stopped(stop, limit.toSeconds()));
            }
            if (last.error() != null) {
                return CellResult.failed(last.error());
            }
        }
        if (!last.hasValue()) {
            return CellResult.ok(null);
        }
        Object value = last.value();
        CellRunner.Outcome<MimeBundle> rendered = runner.run(() -> context.renderers().render(value));
        if (rendered.stopped()) {
            return CellResult.failed(Errors.stopped(runner.stopped() == null ? CellRunner.Stop.INTERRUPT : runner.stopped(), limit.toSeconds()));
        }
        if (rendered.failure() != null) {
            say("(The value could not be rendered: " + rendered.failure() + ")");
            return CellResult.ok(MimeBundle.text(value.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(value))));
        }
        return CellResult.ok(rendered.value());
    }

    private Step evalCode(CellText cell, int segmentOffset, String code, int number) {
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
            releaseTemporaries(events);
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
                    say("Note: " + declaration.name() + " is defined but cannot be used until "
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
     * Drops the variable JShell makes for an expression ({@code $1}, {@code $2}, ...) once its value is in
     * hand, and clears the variable's field. Left in place, each one would keep its value (a tensor, an
     * image) alive for the rest of the session and add one more import to the compile of every later
     * cell, so that cells got slower as the notebook grew.
     */
    private void releaseTemporaries(List<SnippetEvent> events) {
        for (SnippetEvent event : events) {
            if (event.causeSnippet() == null && event.snippet() instanceof VarSnippet temporary
                    && temporary.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND
                    && shell.status(temporary).isActive()) {
                control.clearField(temporary.name());
                shell.drop(temporary);
            }
        }
    }

    private void startup(String code) {
        for (SnippetEvent event : shell.eval(code)) {
            if (event.status() == Snippet.Status.REJECTED) {
                String why = shell.diagnostics(event.snippet()).map(d -> d.getMessage(null)).collect(Collectors.joining("; "));
                throw new IllegalStateException("The kernel's start-up line '" + code + "' did not compile (" + why
                        + "); coursekit-lib and coursekit-kernel must be on the class path: reinstall with ./kit install-kernel.");
            }
        }
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

    /** {@code code} with its magic lines blanked out, so JShell sees only Java at unchanged positions. */
    private static String maskMagics(String code) {
        StringBuilder java = new StringBuilder(code);
        int lineStart = 0;
        while (lineStart < java.length()) {
            int lineEnd = java.indexOf("\n", lineStart);
            int end = lineEnd < 0 ? java.length() : lineEnd;
            if (java.charAt(lineStart) == '%') {
                for (int i = lineStart; i < end; i++) {
                    java.setCharAt(i, ' ');
                }
            }
            lineStart = end + 1;
        }
        return java.toString();
    }

    private static int leadingWhitespace(String text) {
        int n = 0;
        while (n < text.length() && Character.isWhitespace(text.charAt(n))) {
            n++;
        }
        return n;
    }

    /** The start of the statement that the end of {@code before} is in. */
    private int unitStart(String before) {
        int offset = 0;
        while (offset < before.length()) {
            CompletionInfo info = analysis.analyzeCompletion(before.substring(offset));
            if (!info.completeness().isComplete() || info.remaining().isBlank()) {
                break;
            }
            offset = before.length() - info.remaining().length();
        }
        return offset;
    }

    private static String nextIndent(String code) {
        List<String> lines = Arrays.asList(code.split("\n", -1));
        String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        String indent = last.substring(0, last.length() - last.stripLeading().length());
        return last.strip().endsWith("{") || last.strip().endsWith("(") ? indent + "    " : indent;
    }

    /** Settings for a new {@link Evaluator}. */
    public static final class Builder {

        private Duration timeout = Duration.ZERO;
        private boolean mavenOffline;
        private Renderers renderers = Renderers.standard();
        private List<String> classPath = new ArrayList<>(List.of(System.getProperty("java.class.path", "").split(File.pathSeparator)));
        private boolean answersChecks = true;

        private Builder() {}

        /** A time limit for each cell; {@link Duration#ZERO} (the default) for none. */
        public Builder timeout(Duration limit) {
            if (limit.isNegative()) {
                throw new IllegalArgumentException("A cell time limit cannot be negative, but got " + limit + ".");
            }
            this.timeout = limit;
            return this;
        }

        /** Whether {@code %maven} may use only the local repository (no network). */
        public Builder mavenOffline(boolean offline) {
            this.mavenOffline = offline;
            return this;
        }

        public Builder renderers(Renderers renderers) {
            this.renderers = renderers;
            return this;
        }

        /** The class path cells compile against; by default this JVM's. */
        public Builder classPath(List<String> entries) {
            this.classPath = new ArrayList<>(entries);
            return this;
        }

        /**
         * Whether {@code check(...)} and {@code checkAll()}, in any cell, compile their tests in this
         * evaluator's session (the default; the last such evaluator started wins). An evaluator whose
         * cells no one sees, such as the kernel's warm-up, says no, so that it never takes the checks
         * away from the notebook's.
         */
        public Builder answersChecks(boolean answers) {
            this.answersChecks = answers;
            return this;
        }

        /** Starts JShell and runs the start-up imports (about a second). */
        public Evaluator build() {
            return new Evaluator(this);
        }
    }
}
