package coursekit.kernel.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShellException;
import jdk.jshell.UnresolvedReferenceException;

/**
 * Turns what went wrong in a cell into a {@link CellError} a student can act on: compile errors point at
 * the cell's line with a caret, stack traces name cell lines instead of JShell's wrapper classes, and
 * stops, exits and running out of memory get one sentence that says what happened and what to do.
 */
final class Errors {

    private static final int MAX_FRAMES = 25;

    private Errors() {}

    /** A compile error: the first error's message, its line in the cell and a caret under it. */
    static CellError compile(List<Diag> errors, CellText cell, int snippetOffset) {
        Diag first = errors.get(0);
        int offset = snippetOffset + (int) Math.max(first.getStartPosition(), 0);
        int line = cell.lineOf(offset);
        List<String> message = messageLines(first);
        String detail = message.stream().filter(l -> l.strip().startsWith("symbol:")).findFirst()
                .map(l -> " (" + l.strip().substring("symbol:".length()).strip() + ")").orElse("");
        List<String> lines = new ArrayList<>();
        lines.add("Compile error at line " + line + ": " + message.get(0));
        for (String extra : message.subList(1, message.size())) {
            if (!extra.strip().startsWith("location:")) {
                lines.add(extra);
            }
        }
        String source = cell.line(line);
        if (!source.isBlank()) {
            int column = cell.columnOf(offset);
            int width = (int) Math.max(1, Math.min(first.getEndPosition() - first.getStartPosition(), source.length() - column));
            lines.add("    " + source);
            lines.add("    " + " ".repeat(Math.min(column, source.length())) + "^".repeat(Math.max(width, 1)));
        }
        if (errors.size() > 1) {
            lines.add("(" + (errors.size() - 1) + " more error" + (errors.size() > 2 ? "s" : "") + " in the same statement; fix this one first.)");
        }
        return new CellError("CompileError", "line " + line + ": " + message.get(0) + detail, lines);
    }

    private static List<String> messageLines(Diag diag) {
        List<String> lines = new ArrayList<>(List.of(diag.getMessage(Locale.ENGLISH).split("\\R")));
        if (lines.isEmpty()) {
            lines.add("(no message)");
        }
        return lines;
    }

    /** A snippet that needs something not declared yet. */
    static CellError unresolved(String what, List<String> missing, int line) {
        String text = what + " cannot be used until " + String.join(", ", missing) + " is declared (line " + line + ").";
        return new CellError("CompileError", text, List.of(text));
    }

    /** An exception thrown by the cell, with cell line numbers in its stack trace. */
    static CellError runtime(JShellException exception, Throwable original, SnippetPlaces places) {
        if (exception instanceof UnresolvedReferenceException unresolved) {
            String text = "Cannot run " + unresolved.getSnippet().source().strip().lines().findFirst().orElse("this")
                    + " because something it uses is not declared yet.";
            return new CellError("UnresolvedReference", text, List.of(text));
        }
        if (original instanceof OutOfMemoryError) {
            return outOfMemory((OutOfMemoryError) original);
        }
        if (original instanceof CellExit exit) {
            return exit(exit);
        }
        List<String> lines = new ArrayList<>();
        Throwable cause = exception;
        String prefix = "";
        while (cause != null) {
            lines.add(prefix + headline(cause));
            StackTraceElement[] frames = cause.getStackTrace();
            int shown = Math.min(frames.length, MAX_FRAMES);
            for (int i = 0; i < shown; i++) {
                lines.add("    at " + frame(frames[i], places));
            }
            if (frames.length > shown) {
                lines.add("    ... " + (frames.length - shown) + " more");
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
            prefix = "Caused by: ";
        }
        String className = className(exception);
        String message = exception.getMessage() == null ? "" : exception.getMessage();
        return new CellError(className.substring(className.lastIndexOf('.') + 1), message, lines);
    }

    private static String headline(Throwable t) {
        String message = t.getMessage();
        return className(t) + (message == null ? "" : ": " + message);
    }

    private static String className(Throwable t) {
        return t instanceof EvalException eval ? eval.getExceptionClassName() : t.getClass().getName();
    }

    private static String frame(StackTraceElement frame, SnippetPlaces places) {
        String file = frame.getFileName();
        if (file == null || !file.startsWith("#")) {
            return frame.toString();
        }
        String where = places.describe(file.substring(1), frame.getLineNumber());
        String method = frame.getMethodName();
        String owner = frame.getClassName();
        if (method == null || method.isEmpty()) {
            return where;
        }
        String name = owner == null || owner.isEmpty() ? method : owner + "." + method;
        return name + " (" + where + ")";
    }

    /** Any other throwable from the kernel's own work on a cell (rendering, a magic). */
    static CellError of(Throwable t) {
        if (t instanceof OutOfMemoryError oom) {
            return outOfMemory(oom);
        }
        if (t instanceof CellExit exit) {
            return exit(exit);
        }
        List<String> lines = new ArrayList<>();
        lines.add(headline(t));
        StackTraceElement[] frames = t.getStackTrace();
        for (int i = 0; i < Math.min(frames.length, 10); i++) {
            lines.add("    at " + frames[i]);
        }
        return new CellError(t.getClass().getSimpleName(), t.getMessage() == null ? "" : t.getMessage(), lines);
    }

    static CellError outOfMemory(OutOfMemoryError error) {
        long max = Runtime.getRuntime().maxMemory();
        String limit = max == Long.MAX_VALUE ? "no limit" : String.format(Locale.ROOT, "%.1f GiB", max / (double) (1L << 30));
        String text = "The cell ran out of memory (" + error.getMessage() + "; heap limit " + limit
                + "). Its objects are freed and the kernel keeps running; use smaller data or batches,"
                + " or reinstall the kernel with a bigger heap: ./kit install-kernel --heap 8g";
        return new CellError("OutOfMemoryError", text, List.of("OutOfMemoryError: " + text));
    }

    static CellError exit(CellExit exit) {
        String text = exit.getMessage() + " ended the cell, not the kernel; earlier definitions are kept."
                + " Restart the kernel for a fresh start.";
        return new CellError("SystemExit", text, List.of("SystemExit: " + text));
    }

    static CellError stopped(CellRunner.Stop stop, long timeoutSeconds) {
        if (stop == CellRunner.Stop.TIMEOUT) {
            String text = "The cell ran longer than its " + timeoutSeconds + " s limit and was stopped; earlier definitions"
                    + " are kept. Raise the limit with %timeout SECONDS (or --timeout), or %timeout off.";
            return new CellError("Timeout", text, List.of("Timeout: " + text));
        }
        String text = "The cell was interrupted; definitions from before it are kept.";
        return new CellError("Interrupted", text, List.of("Interrupted: " + text));
    }

    /** A problem with what the user asked for, in one sentence. */
    static CellError usage(String name, String sentence) {
        return new CellError(name, sentence, List.of(name + ": " + sentence));
    }
}
