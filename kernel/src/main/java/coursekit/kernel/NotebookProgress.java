package coursekit.kernel;

import coursekit.kernel.eval.CellContext;
import coursekit.kernel.render.MimeBundle;
import coursekit.plot.Plots;
import coursekit.train.BatchProgress;
import coursekit.train.ProgressDisplay;
import coursekit.train.ProgressLines;
import coursekit.train.Training;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A run of {@code fit} in a notebook cell as one output that updates in place ({@code update_display_data}): the
 * epoch lines so far, the epoch under way as a bar with images per second and the time left, and the accuracy and
 * loss chart redrawn after every epoch, instead of a growing wall of printed lines. Saved notebooks keep its last
 * state: every epoch line as text, and the chart.
 */
public final class NotebookProgress extends ProgressLines {

    /** Epoch lines shown in the live output; the chart and the saved text keep them all. */
    static final int SHOWN_LINES = 10;
    private static final long REDRAW_NANOS = 500_000_000L;

    private final CellContext cell;
    private final String id = UUID.randomUUID().toString();
    private final List<String> lines;
    private String running = "";
    private String chartPng;
    private long drawn;
    private boolean shown;

    NotebookProgress(CellContext cell) {
        this(cell, new ArrayList<>());
    }

    private NotebookProgress(CellContext cell, List<String> lines) {
        super(lines::add);
        this.cell = cell;
        this.lines = lines;
    }

    /** Gives {@code fit} this display in code that a notebook cell runs; found through {@link java.util.ServiceLoader}. */
    public static final class Provider implements ProgressDisplay.Provider {
        @Override
        public ProgressDisplay create() {
            return CellContext.inCell() ? new NotebookProgress(CellContext.current()) : null;
        }
    }

    @Override
    public void say(String line) {
        super.say(line);
        show();
    }

    @Override
    public void onBatchEnd(Training training, int epoch, BatchProgress step) {
        long now = System.nanoTime();
        if (now - drawn >= REDRAW_NANOS) {
            drawn = now;
            running = ProgressLines.running(epoch + 1, epochs(), step);
            show();
        }
    }

    @Override
    public void onEpochEnd(Training training, int epoch, Map<String, Double> metrics) {
        running = "";
        super.onEpochEnd(training, epoch, metrics);
        MimeBundle chart = cell.render(Plots.history(training.history()));
        chartPng = chart == null ? null : (String) chart.data().get(MimeBundle.PNG);
        show();
    }

    @Override
    public void onTrainEnd(Training training) {
        running = "";
        show();
    }

    /** The output as it stands: the text form holds every line; the HTML form the last few and the chart. */
    MimeBundle bundle() {
        List<String> all = new ArrayList<>(lines);
        if (!running.isEmpty()) {
            all.add(running);
        }
        int hidden = Math.max(0, all.size() - SHOWN_LINES);
        StringBuilder html = new StringBuilder("<div><pre style=\"margin:0\">");
        if (hidden > 0) {
            html.append(escape("(" + hidden + " earlier lines in the text of this output)")).append('\n');
        }
        html.append(escape(String.join("\n", all.subList(hidden, all.size())))).append("</pre>");
        if (chartPng != null) {
            html.append("<img src=\"data:image/png;base64,").append(chartPng).append("\"/>");
        }
        html.append("</div>");
        return new MimeBundle().put(MimeBundle.HTML, html.toString()).put(MimeBundle.TEXT, String.join("\n", all));
    }

    private void show() {
        if (shown) {
            cell.updateDisplay(bundle(), id);
        } else {
            shown = true;
            cell.display(bundle(), id);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
