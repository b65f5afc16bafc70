package coursekit.io;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Shows how a download advances: bytes, rate and time left. On a terminal it redraws one bar in
 * place; elsewhere (a notebook cell, a log) it prints a line every few seconds and one at the end.
 */
public final class Progress implements AutoCloseable {

    private static final long TERMINAL_EVERY_NANOS = 200_000_000L;
    private static final long LINE_EVERY_NANOS = 5_000_000_000L;
    private static final int BAR = 24;

    private final String label;
    private final long total;
    private final PrintStream out;
    private final boolean terminal;
    private final LongSupplier clock;
    private final long started;
    private long done;
    private long shown;
    private boolean closed;
    private boolean finished;

    Progress(String label, long total, PrintStream out, boolean terminal, LongSupplier clock) {
        this.label = label;
        this.total = total;
        this.out = out;
        this.terminal = terminal;
        this.clock = clock;
        this.started = clock.getAsLong();
        this.shown = started;
    }

    /** Progress of {@code label}, {@code totalBytes} long (0 or less when unknown), shown on standard error. */
    public static Progress start(String label, long totalBytes) {
        return new Progress(label, totalBytes, System.err, System.console() != null, System::nanoTime);
    }

    /** Progress that shows nothing. */
    public static Progress silent() {
        return new Progress("", 0, new PrintStream(PrintStream.nullOutputStream()), false, System::nanoTime);
    }

    /** Counts {@code bytes} more as done. */
    public synchronized void add(long bytes) {
        done += bytes;
        long now = clock.getAsLong();
        if (now - shown >= (terminal ? TERMINAL_EVERY_NANOS : LINE_EVERY_NANOS)) {
            shown = now;
            show(now, false);
        }
    }

    /** Bytes counted so far. */
    public synchronized long done() {
        return done;
    }

    /** Marks the download whole, so that the final line shows what arrived as 100% even where the total was an estimate. */
    public synchronized void finished() {
        finished = true;
    }

    /** Shows the final state once. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            show(clock.getAsLong(), true);
        }
    }

    private void show(long now, boolean last) {
        String text = line(now);
        if (terminal) {
            out.print("\r" + text + (last ? System.lineSeparator() : ""));
        } else {
            out.println(text);
        }
        out.flush();
    }

    /** The progress line as it reads at {@code now}. */
    String line(long now) {
        double seconds = Math.max(1e-9, (now - started) / 1e9);
        double rate = done / seconds;
        StringBuilder text = new StringBuilder("Downloading ").append(label).append(": ");
        // An estimated total can fall short of what arrives; the bar then ends at what arrived.
        long total = finished ? done : this.total > 0 ? Math.max(this.total, done) : 0;
        if (total > 0) {
            double fraction = Math.min(1.0, (double) done / total);
            text.append('[').append(TextBars.bar(fraction, BAR)).append("] ")
                    .append(String.format(Locale.ROOT, "%3d%%  ", (int) Math.floor(fraction * 100)))
                    .append(megabytes(done)).append(" / ").append(megabytes(total));
        } else {
            text.append(megabytes(done));
        }
        text.append("  ").append(megabytes((long) rate)).append("/s");
        if (total > 0 && rate > 0 && done < total) {
            text.append("  ").append(TextBars.clockTime((long) Math.ceil((total - done) / rate))).append(" left");
        } else if (done >= total && total > 0) {
            text.append("  done in ").append(TextBars.clockTime((long) Math.ceil(seconds)));
        }
        return text.toString();
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

}
