package coursekit.kernel.eval;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A cell's {@code System.out} and {@code System.err}: bytes are gathered and handed to the cell's
 * {@link CellOutput} in few, large pieces, so that a loop printing a line (or a character) at a time
 * does not send a message per line. Text goes out on {@link #flush()}, which the evaluator calls ten
 * times a second and at the end of each cell (so progress bars still move), and whenever
 * {@value #CHUNK} bytes have gathered. What a cell prints past its {@link PrintBudget} is held back,
 * and only its tail goes out when the cell ends.
 */
final class CellStreams {

    /** Bytes gathered before they go out without waiting for the next flush. */
    static final int CHUNK = 32 * 1024;

    private final StreamBuffer out;
    private final StreamBuffer err;
    private volatile CellOutput target;

    CellStreams(PrintStream fallbackOut, PrintStream fallbackErr) {
        this(fallbackOut, fallbackErr, PrintBudget.HEAD, PrintBudget.TAIL);
    }

    /** Streams that let each cell print {@code head} characters to each, and the last {@code tail} of the rest. */
    CellStreams(PrintStream fallbackOut, PrintStream fallbackErr, int head, int tail) {
        this.out = new StreamBuffer("stdout", fallbackOut, new PrintBudget(head, tail));
        this.err = new StreamBuffer("stderr", fallbackErr, new PrintBudget(head, tail));
    }

    void attach(CellOutput output) {
        out.startCell();
        err.startCell();
        target = output;
    }

    /** Ends the cell: sends what is pending, then what each stream held back past its budget. */
    void detach() {
        out.endCell();
        err.endCell();
        target = null;
    }

    CellOutput target() {
        return target;
    }

    void write(boolean error, byte[] bytes, int offset, int length) {
        // What the other stream gathered goes out first, so that printed lines keep their order.
        (error ? out : err).flush();
        (error ? err : out).write(bytes, offset, length);
    }

    /** Hands on everything written so far, up to the last complete character. */
    void flush() {
        out.flush();
        err.flush();
    }

    private final class StreamBuffer {

        private final String name;
        private final PrintStream fallback;
        private final PrintBudget budget;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        StreamBuffer(String name, PrintStream fallback, PrintBudget budget) {
            this.name = name;
            this.fallback = fallback;
            this.budget = budget;
        }

        synchronized void startCell() {
            pending.reset();
            budget.reset();
        }

        synchronized void endCell() {
            flush();
            CellOutput output = target;
            String rest = budget.finish();
            if (output != null && !rest.isEmpty()) {
                output.stream(name, rest);
            }
        }

        synchronized void write(byte[] bytes, int offset, int length) {
            CellOutput output = target;
            if (output == null) {
                // Between cells (a background thread printing): the kernel's own log gets it.
                fallback.write(bytes, offset, length);
                fallback.flush();
                return;
            }
            pending.write(bytes, offset, length);
            if (pending.size() >= CHUNK) {
                emit(output, pending.size());
            }
        }

        synchronized void flush() {
            CellOutput output = target;
            if (output != null && pending.size() > 0) {
                emit(output, pending.size());
            }
        }

        /** Sends the first {@code upTo} bytes, cut back to a character boundary; keeps the rest. */
        private void emit(CellOutput output, int upTo) {
            byte[] all = pending.toByteArray();
            int end = Utf8.completeLength(all, upTo);
            if (end == 0) {
                return;
            }
            pending.reset();
            pending.write(all, end, all.length - end);
            String shown = budget.admit(new String(all, 0, end, StandardCharsets.UTF_8));
            if (!shown.isEmpty()) {
                output.stream(name, shown);
            }
        }
    }
}
