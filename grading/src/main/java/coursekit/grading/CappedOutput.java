package coursekit.grading;

import coursekit.kernel.eval.CellOutput;
import coursekit.kernel.render.MimeBundle;

/** A cell's printed text, kept up to a limit and counted beyond it, so a flood of output costs no memory. */
final class CappedOutput implements CellOutput {

    private final int limit;
    private final StringBuilder kept = new StringBuilder();
    private long dropped;

    CappedOutput(int limit) {
        this.limit = limit;
    }

    @Override
    public synchronized void stream(String name, String text) {
        int room = Math.max(0, limit - kept.length());
        kept.append(text, 0, Math.min(room, text.length()));
        dropped += Math.max(0, text.length() - room);
    }

    @Override
    public void display(MimeBundle bundle, String displayId) {
        stream("stdout", "[" + bundle.text() + "]\n");
    }

    @Override
    public void updateDisplay(MimeBundle bundle, String displayId) {
        display(bundle, displayId);
    }

    @Override
    public void clearOutput(boolean wait) {
        // Kept: the grader wants to see what the cell printed.
    }

    synchronized String text() {
        return dropped == 0 ? kept.toString() : kept + "\n[... " + dropped + " more characters of output not kept]";
    }
}
