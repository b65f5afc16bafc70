package coursekit.kernel;

import coursekit.kernel.eval.CellContext;
import coursekit.kernel.render.DisplayHandle;
import coursekit.kernel.render.Html;
import coursekit.kernel.render.Markdown;
import coursekit.kernel.render.MimeBundle;
import java.util.UUID;

/**
 * The functions every cell has ({@code import static coursekit.kernel.Notebook.*;} is part of the
 * kernel's start-up), in IJava's spelling: {@code display(obj)} shows an object now, as the cell's last
 * expression would be shown at the end.
 */
public final class Notebook {

    private Notebook() {}

    /** Shows {@code value} (a chart, image, table, figure, history or anything else) now. */
    public static DisplayHandle display(Object value) {
        CellContext context = CellContext.current();
        DisplayHandle handle = new DisplayHandle(UUID.randomUUID().toString());
        MimeBundle bundle = context.render(value);
        if (bundle != null) {
            context.display(bundle, handle.id());
        }
        return handle;
    }

    /** Replaces what {@code display(...)} showed under {@code handle} with {@code value}. */
    public static void updateDisplay(DisplayHandle handle, Object value) {
        CellContext context = CellContext.current();
        MimeBundle bundle = context.render(value);
        context.updateDisplay(bundle == null ? MimeBundle.text("") : bundle, handle.id());
    }

    /** Clears the cell's output so far (for a cell that redraws a chart in a loop). */
    public static void clearOutput() {
        CellContext.current().clearOutput(false);
    }

    /** Clears the cell's output when the next output arrives, which avoids flicker. */
    public static void clearOutput(boolean wait) {
        CellContext.current().clearOutput(wait);
    }

    /** HTML that shows formatted. */
    public static Html html(String html) {
        return new Html(html);
    }

    /** Markdown that shows formatted. */
    public static Markdown markdown(String markdown) {
        return new Markdown(markdown);
    }
}
