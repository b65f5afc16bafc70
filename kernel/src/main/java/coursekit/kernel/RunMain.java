package coursekit.kernel;

import coursekit.kernel.eval.Evaluator;
import coursekit.kernel.run.HtmlExport;
import coursekit.kernel.run.NotebookFile;
import coursekit.kernel.run.NotebookRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code ./kit run NOTEBOOK}: runs a notebook headless with the kernel's evaluator and writes it back
 * with its outputs. Exits 0 when every cell ran, 1 at the first failing cell (after writing the
 * notebook up to it), 2 for bad arguments or unreadable files.
 *
 * <p>Cells see this JVM's working directory; {@code ./kit run} starts it in the notebook's folder, as
 * Jupyter starts a kernel there.
 */
public final class RunMain {

    static final String USAGE = """
            Usage: ./kit run NOTEBOOK.ipynb [--out EXECUTED.ipynb] [--html PAGE.html] [--timeout SECONDS]
                                            [--allow-errors] [--offline]
              --out FILE       write the executed notebook here (default: back into NOTEBOOK.ipynb)
              --html FILE      also write a self-contained HTML page of the result
              --timeout S      stop any cell that runs longer than S seconds (default: no limit)
              --allow-errors   run every cell even after one fails (exit status 0)
              --offline        %maven uses only the local Maven repository
            """;

    private RunMain() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs as the command line says and returns the exit status. */
    static int run(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("run: " + e.getMessage());
            System.err.print(USAGE);
            return 2;
        }
        if (options == null) {
            System.out.print(USAGE);
            return 0;
        }
        NotebookFile notebook;
        try {
            notebook = NotebookFile.read(options.notebook);
        } catch (IOException e) {
            System.err.println("run: cannot read " + options.notebook + ": " + e.getMessage());
            return 2;
        }
        NotebookRunner.Report report;
        try (Evaluator evaluator = Evaluator.builder().timeout(options.timeout).mavenOffline(options.offline).build()) {
            report = new NotebookRunner(evaluator, options.allowErrors, System.err).run(notebook);
        }
        notebook.describeKernel("coursekit-java", "Java (coursekit)");
        try {
            notebook.write(options.out);
            if (options.html != null) {
                HtmlExport.write(notebook, options.html);
            }
        } catch (UncheckedIOException e) {
            System.err.println("run: " + e.getMessage());
            return 2;
        }
        if (report.ok()) {
            System.err.println("All " + report.codeCells() + " code cells ran; wrote " + options.out
                    + (options.html != null ? " and " + options.html : "") + ".");
            return 0;
        }
        System.err.println("Cell " + report.failedCell() + " of " + report.codeCells() + " failed (" + report.failure()
                + "); wrote " + options.out + " with the outputs so far.");
        return options.allowErrors ? 0 : 1;
    }

    private static final class Options {
        Path notebook;
        Path out;
        Path html;
        Duration timeout = Duration.ZERO;
        boolean allowErrors;
        boolean offline;

        /** The options, or {@code null} for --help. */
        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--out" -> o.out = Path.of(value(args, ++i, "--out"));
                    case "--html" -> o.html = Path.of(value(args, ++i, "--html"));
                    case "--timeout" -> o.timeout = Duration.ofSeconds(seconds(value(args, ++i, "--timeout")));
                    case "--allow-errors" -> o.allowErrors = true;
                    case "--offline" -> o.offline = true;
                    case "-h", "--help" -> {
                        return null;
                    }
                    default -> {
                        if (args[i].startsWith("--")) {
                            throw new IllegalArgumentException("unknown option '" + args[i] + "'.");
                        }
                        if (o.notebook != null) {
                            throw new IllegalArgumentException("give one notebook, but got " + o.notebook + " and " + args[i] + ".");
                        }
                        o.notebook = Path.of(args[i]);
                    }
                }
            }
            if (o.notebook == null) {
                throw new IllegalArgumentException("name the notebook to run.");
            }
            if (!Files.isRegularFile(o.notebook)) {
                throw new IllegalArgumentException(o.notebook.toAbsolutePath() + " does not exist.");
            }
            if (o.out == null) {
                o.out = o.notebook;
            }
            return o;
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value.");
            }
            return args[i];
        }

        private static long seconds(String text) {
            try {
                long seconds = Long.parseLong(text);
                if (seconds < 0) {
                    throw new NumberFormatException();
                }
                return seconds;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--timeout takes whole seconds (0 for none), but got '" + text + "'.");
            }
        }
    }
}
