package coursekit.kernel.eval;

import coursekit.kernel.render.MimeBundle;
import coursekit.kernel.render.Renderers;
import java.io.File;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

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
    private final CodeAnalysis codeAnalysis;
    private final SnippetPlaces places = new SnippetPlaces();
    private final SnippetDrops drops;
    private final SnippetSteps steps;
    private final ScheduledExecutorService timer;
    private final Magics magics;
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
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        this.codeAnalysis = new CodeAnalysis(analysis);
        shell.addToClasspath(String.join(File.pathSeparator, builder.classPath));
        this.magics = new Magics(this, builder.mavenOffline);
        for (String line : Startup.IMPORTS) {
            startup(line);
        }
        this.drops = new SnippetDrops(shell, control, shell.snippets().map(Snippet::id).collect(Collectors.toUnmodifiableSet()));
        this.steps = new SnippetSteps(shell, analysis, control, runner, places, drops, this::say);
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
            drops.releaseTemporaries(events);
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
        return drops.drop(names, importable);
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
        return codeAnalysis.complete(code, at);
    }

    /** Whether {@code code} is ready to run ({@code complete}), needs more lines, or cannot compile. */
    public synchronized Readiness readiness(String code) {
        return codeAnalysis.readiness(code);
    }

    /** Documentation of what is at {@code cursor}, or {@code null} when there is none. */
    public synchronized String inspect(String code, int cursor) {
        return codeAnalysis.inspect(code, cursor);
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
        return steps.eval(source, 0, source.text(), cell);
    }

    // ---- the cell ----

    private CellResult run(CellText cell, int number, Duration limit) {
        if (cell.text().startsWith("%%")) {
            return CellResult.failed(Errors.usage("UnknownMagic",
                    "Cell magics (%%) are not supported; put line magics such as %maven on lines of their own."));
        }
        Step last = Step.NOTHING;
        for (Segment segment : Segment.split(cell.text())) {
            last = segment.magic() ? magics.run(segment.text()) : steps.eval(cell, segment.offset(), segment.text(), number);
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

    private void startup(String code) {
        for (SnippetEvent event : shell.eval(code)) {
            if (event.status() == Snippet.Status.REJECTED) {
                String why = shell.diagnostics(event.snippet()).map(d -> d.getMessage(null)).collect(Collectors.joining("; "));
                throw new IllegalStateException("The kernel's start-up line '" + code + "' did not compile (" + why
                        + "); coursekit-lib and coursekit-kernel must be on the class path: reinstall with ./kit install-kernel.");
            }
        }
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
