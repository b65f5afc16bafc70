package coursekit.kernel.eval;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A cell's {@code System.out} and {@code System.err}: bytes are gathered into lines and handed to the
 * cell's {@link CellOutput}, so that a loop printing one character at a time does not send one message
 * per character. Partial lines go out on {@link #flush()}, which the evaluator calls a few times a
 * second and at the end of each cell, so progress bars still move.
 */
final class CellStreams {

    private final LineBuffer out;
    private final LineBuffer err;
    private volatile CellOutput target;

    CellStreams(PrintStream fallbackOut, PrintStream fallbackErr) {
        this.out = new LineBuffer("stdout", fallbackOut);
        this.err = new LineBuffer("stderr", fallbackErr);
    }

    void attach(CellOutput output) {
        target = output;
    }

    void detach() {
        flush();
        target = null;
    }

    CellOutput target() {
        return target;
    }

    void write(boolean error, byte[] bytes, int offset, int length) {
        (error ? err : out).write(bytes, offset, length);
    }

    /** Hands on everything written so far, up to the last complete character. */
    void flush() {
        out.flush();
        err.flush();
    }

    private final class LineBuffer {

        private final String name;
        private final PrintStream fallback;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        LineBuffer(String name, PrintStream fallback) {
            this.name = name;
            this.fallback = fallback;
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
            int lastNewline = -1;
            for (int i = offset + length - 1; i >= offset; i--) {
                if (bytes[i] == '\n') {
                    lastNewline = i;
                    break;
                }
            }
            if (lastNewline >= 0) {
                emit(output, pending.size() - (offset + length - 1 - lastNewline));
            } else if (pending.size() > 64 * 1024) {
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
            output.stream(name, new String(all, 0, end, StandardCharsets.UTF_8));
        }
    }
}
