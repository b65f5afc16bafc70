package coursekit.kernel.eval;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Replaces {@code System.out}, {@code System.err} and {@code System.in} once per JVM with streams that
 * send each thread to its cell: a thread of a cell's thread group (and any thread it starts) writes to
 * that cell's outputs; every other thread (the kernel's own) writes to the original streams.
 */
final class SystemStreams {

    private static final Map<ThreadGroup, CellContext> ROUTES = new ConcurrentHashMap<>();
    private static PrintStream originalOut;
    private static PrintStream originalErr;
    private static boolean installed;

    private SystemStreams() {}

    static synchronized void register(ThreadGroup group, CellContext context) {
        install();
        ROUTES.put(group, context);
    }

    static void unregister(ThreadGroup group) {
        ROUTES.remove(group);
    }

    /** The cell context of the calling thread, or {@code null} outside cells. */
    static CellContext current() {
        for (ThreadGroup g = Thread.currentThread().getThreadGroup(); g != null; g = g.getParent()) {
            CellContext context = ROUTES.get(g);
            if (context != null) {
                return context;
            }
        }
        return null;
    }

    /** The kernel's own standard error, for messages that belong to no cell. */
    static synchronized PrintStream log() {
        install();
        return originalErr;
    }

    static synchronized PrintStream originalOut() {
        install();
        return originalOut;
    }

    private static void install() {
        if (installed) {
            return;
        }
        installed = true;
        originalOut = System.out;
        originalErr = System.err;
        InputStream originalIn = System.in;
        System.setOut(new PrintStream(new Routed(false, originalOut), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Routed(true, originalErr), true, StandardCharsets.UTF_8));
        System.setIn(new RoutedInput(originalIn));
    }

    private static final class Routed extends OutputStream {

        private final boolean error;
        private final PrintStream original;

        Routed(boolean error, PrintStream original) {
            this.error = error;
            this.original = original;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            CellContext context = current();
            if (context == null) {
                original.write(bytes, offset, length);
            } else {
                context.streams().write(error, bytes, offset, length);
            }
        }

        @Override
        public void flush() {
            // Cells are flushed by their evaluator; the original streams flush themselves.
            if (current() == null) {
                original.flush();
            }
        }
    }

    private static final class RoutedInput extends InputStream {

        private final InputStream original;

        RoutedInput(InputStream original) {
            this.original = original;
        }

        @Override
        public int read() throws java.io.IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n <= 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws java.io.IOException {
            CellContext context = current();
            return context == null ? original.read(bytes, offset, length) : context.input().read(bytes, offset, length);
        }

        @Override
        public int available() throws java.io.IOException {
            CellContext context = current();
            return context == null ? original.available() : context.input().available();
        }
    }
}
