package coursekit.train;

import java.io.PrintStream;
import java.util.function.LongSupplier;

/**
 * Progress on a terminal: within an epoch one line redrawn in place, at most five times a second, with a bar, the
 * batches done, images per second, the time left and the loss so far; at the epoch's end, the epoch's line
 * ({@link ProgressLines}) in its place.
 */
public final class ProgressBar extends ProgressLines {

    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream out;
    private final LongSupplier clock;
    private long drawn;
    private int width;

    /** A bar on {@code out}, a terminal. */
    public ProgressBar(PrintStream out) {
        this(out, System::nanoTime);
    }

    ProgressBar(PrintStream out, LongSupplier clock) {
        super(out::println);
        this.out = out;
        this.clock = clock;
    }

    @Override
    public void onBatchEnd(Training training, int epoch, BatchProgress step) {
        long now = clock.getAsLong();
        if (now - drawn < REDRAW_NANOS && step.batch() < step.batches()) {
            return;
        }
        drawn = now;
        String line = ProgressLines.running(epoch + 1, epochs(), step);
        out.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
        out.flush();
        width = line.length();
    }

    @Override
    public void say(String line) {
        if (width > 0) {
            out.print("\r" + " ".repeat(width) + "\r");
            width = 0;
        }
        super.say(line);
    }
}
