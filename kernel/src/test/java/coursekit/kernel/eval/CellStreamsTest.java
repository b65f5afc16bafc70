package coursekit.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coursekit.kernel.testing.RecordingOutput;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CellStreamsTest {

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final PrintStream fallback = new PrintStream(log, true, StandardCharsets.UTF_8);

    private static void print(CellStreams streams, boolean error, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        streams.write(error, bytes, 0, bytes.length);
    }

    @Test
    void linesPrintedOneByOneGoOutInFewMessages() {
        CellStreams streams = new CellStreams(fallback, fallback);
        RecordingOutput output = new RecordingOutput();
        streams.attach(output);
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            print(streams, false, "line " + i + "\n");
            expected.append("line ").append(i).append('\n');
        }
        streams.detach();
        assertEquals(expected.toString(), output.stdout());
        assertTrue(output.events().size() <= 3, "5,000 short lines went out as " + output.events().size() + " messages");
    }

    @Test
    void aFloodKeepsItsHeadAndTailAndSaysWhatWasLeftOut() {
        CellStreams streams = new CellStreams(fallback, fallback, 1_000, 200);
        RecordingOutput output = new RecordingOutput();
        streams.attach(output);
        for (int i = 0; i < 200_000; i++) {
            print(streams, false, "line " + i + "\n");
        }
        streams.detach();
        String text = output.stdout();
        assertTrue(text.startsWith("line 0\nline 1\n"), text.substring(0, 40));
        assertTrue(text.endsWith("line 199998\nline 199999\n"), text.substring(text.length() - 40));
        assertTrue(text.contains("[This cell printed more than 1,000 characters"), text);
        assertTrue(text.length() < 2_000, "the notebook got " + text.length() + " characters");
        // Every line is either shown or counted as left out.
        long shownLines = text.lines().filter(line -> line.startsWith("line ")).count();
        var left = java.util.regex.Pattern.compile("\\[\\.\\.\\. ([\\d,]+) lines \\(([\\d,]+) characters\\) left out here").matcher(text);
        assertTrue(left.find(), text);
        assertEquals(200_000, shownLines + Long.parseLong(left.group(1).replace(",", "")));
        assertTrue(output.events().size() < 60, output.events().size() + " messages");
    }

    @Test
    void theBudgetIsPerCell() {
        CellStreams streams = new CellStreams(fallback, fallback, 100, 20);
        RecordingOutput first = new RecordingOutput();
        streams.attach(first);
        print(streams, false, "x".repeat(500) + "\n");
        streams.detach();
        assertTrue(first.stdout().contains("left out"), first.stdout());
        RecordingOutput second = new RecordingOutput();
        streams.attach(second);
        print(streams, false, "short\n");
        streams.detach();
        assertEquals("short\n", second.stdout());
    }

    @Test
    void outAndErrKeepTheirOrder() {
        CellStreams streams = new CellStreams(fallback, fallback);
        RecordingOutput output = new RecordingOutput();
        streams.attach(output);
        print(streams, false, "one\n");
        print(streams, true, "two\n");
        print(streams, false, "three\n");
        streams.detach();
        assertEquals(List.of("stdout:one\n", "stderr:two\n", "stdout:three\n"), output.events());
    }

    @Test
    void charactersSplitAcrossWritesArriveWhole() {
        CellStreams streams = new CellStreams(fallback, fallback, 10, 4);
        RecordingOutput output = new RecordingOutput();
        streams.attach(output);
        byte[] bytes = "héllo wörld 🙂 ok\n".repeat(3).getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            streams.write(false, new byte[] {b}, 0, 1);
            streams.flush();
        }
        streams.detach();
        String text = output.stdout();
        assertTrue(!text.contains("\uFFFD"), text);
        assertTrue(text.endsWith("ok\n"), text);
    }

    @Test
    void partialLinesGoOutOnFlush() {
        CellStreams streams = new CellStreams(fallback, fallback);
        RecordingOutput output = new RecordingOutput();
        streams.attach(output);
        print(streams, false, "\r 40%");
        streams.flush();
        assertEquals("\r 40%", output.stdout());
        streams.detach();
    }

    @Test
    void textPrintedBetweenCellsGoesToTheKernelsLog() {
        CellStreams streams = new CellStreams(fallback, fallback);
        print(streams, false, "from a background thread\n");
        assertEquals("from a background thread\n", log.toString(StandardCharsets.UTF_8));
    }
}
