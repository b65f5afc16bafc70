package coursekit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The progress line: bytes, share, rate and time left; a bar redrawn on a terminal, lines elsewhere. */
class ProgressTest {

    @Test
    void theLineShowsBytesRateAndTimeLeft() {
        AtomicLong now = new AtomicLong(0);
        Progress progress = new Progress("mobilenet", 10_000_000, new PrintStream(new ByteArrayOutputStream()), false, now::get);
        now.set(2_000_000_000L);
        progress.add(2_500_000);
        assertEquals("Downloading mobilenet: [######------------------]  25%  2.5 MB / 10.0 MB  1.3 MB/s  0:06 left",
                progress.line(now.get()));
    }

    @Test
    void aNotebookGetsALineEveryFewSecondsAndOneAtTheEnd() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicLong now = new AtomicLong(0);
        try (Progress progress = new Progress("f", 1000, new PrintStream(bytes, true, StandardCharsets.UTF_8), false, now::get)) {
            for (int i = 0; i < 10; i++) {
                now.addAndGet(1_000_000_000L);
                progress.add(100);
            }
        }
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(3, lines.length, String.join("|", lines));
        assertTrue(lines[2].contains("100%") && lines[2].contains("done in 0:10"), lines[2]);
        assertTrue(!bytes.toString(StandardCharsets.UTF_8).contains("\r"));
    }

    @Test
    void aTerminalGetsOneBarRedrawnInPlace() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicLong now = new AtomicLong(0);
        try (Progress progress = new Progress("f", 1000, new PrintStream(bytes, true, StandardCharsets.UTF_8), true, now::get)) {
            for (int i = 0; i < 4; i++) {
                now.addAndGet(300_000_000L);
                progress.add(250);
            }
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(1, text.split("\n", -1).length - 1, "one line in the end");
        assertTrue(text.chars().filter(c -> c == '\r').count() >= 4, text);
    }

    @Test
    void aFinishedDownloadEndsAtAHundredPercentWhateverTheEstimate() {
        AtomicLong now = new AtomicLong(0);
        Progress progress = new Progress("photos", 800_000_000, new PrintStream(new ByteArrayOutputStream()), false, now::get);
        now.set(10_000_000_000L);
        progress.add(180_000_000);
        assertTrue(progress.line(now.get()).contains(" 22%"), progress.line(now.get()));
        progress.finished();
        assertEquals("Downloading photos: [########################] 100%  180.0 MB / 180.0 MB  18.0 MB/s  done in 0:10",
                progress.line(now.get()));
    }

    @Test
    void longDurationsReadAsHours() {
        assertEquals("1:01:05", TextBars.clockTime(3665));
        assertEquals("0:59", TextBars.clockTime(59));
    }
}
