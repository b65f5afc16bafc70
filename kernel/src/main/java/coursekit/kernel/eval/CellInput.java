package coursekit.kernel.eval;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A cell's {@code System.in}: each time it runs dry it asks the cell's output for one line (Jupyter's
 * input box); where there is none (headless runs, {@code allow_stdin} false) it is at end of file.
 */
final class CellInput extends InputStream {

    private final CellStreams streams;
    private byte[] line = new byte[0];
    private int position;

    CellInput(CellStreams streams) {
        this.streams = streams;
    }

    @Override
    public synchronized int read() {
        if (!fill()) {
            return -1;
        }
        return line[position++] & 0xFF;
    }

    @Override
    public synchronized int read(byte[] bytes, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(length, line.length - position);
        System.arraycopy(line, position, bytes, offset, n);
        position += n;
        return n;
    }

    @Override
    public synchronized int available() {
        return line.length - position;
    }

    /** Forgets unread input, so that one cell's leftovers do not feed the next. */
    synchronized void discard() {
        line = new byte[0];
        position = 0;
    }

    private boolean fill() {
        if (position < line.length) {
            return true;
        }
        CellOutput output = streams.target();
        streams.flush();
        String text = output == null ? null : output.readLine("");
        if (text == null) {
            return false;
        }
        line = (text + "\n").getBytes(StandardCharsets.UTF_8);
        position = 0;
        return true;
    }
}
