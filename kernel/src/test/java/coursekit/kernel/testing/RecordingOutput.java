package coursekit.kernel.testing;

import coursekit.kernel.eval.CellOutput;
import coursekit.kernel.render.MimeBundle;
import java.util.ArrayList;
import java.util.List;

/** Keeps what a cell sends, for tests to look at. */
public final class RecordingOutput implements CellOutput {

    private final StringBuilder stdout = new StringBuilder();
    private final StringBuilder stderr = new StringBuilder();
    private final List<MimeBundle> displays = new ArrayList<>();
    private final List<String> events = new ArrayList<>();

    @Override
    public synchronized void stream(String name, String text) {
        (name.equals("stdout") ? stdout : stderr).append(text);
        events.add(name + ":" + text);
    }

    @Override
    public synchronized void display(MimeBundle bundle, String displayId) {
        displays.add(bundle);
        events.add("display:" + bundle.text());
    }

    @Override
    public synchronized void updateDisplay(MimeBundle bundle, String displayId) {
        events.add("update:" + bundle.text());
    }

    @Override
    public synchronized void clearOutput(boolean wait) {
        events.add("clear");
    }

    public synchronized String stdout() {
        return stdout.toString();
    }

    public synchronized String stderr() {
        return stderr.toString();
    }

    public synchronized List<MimeBundle> displays() {
        return List.copyOf(displays);
    }

    public synchronized List<String> events() {
        return List.copyOf(events);
    }
}
