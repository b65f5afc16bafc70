package coursekit.plot;

import coursekit.io.AtomicFiles;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * A picture that every plot returns: XChart charts side by side, or a grid of captioned images,
 * rendered to PNG on demand without a display.
 *
 * <p>A figure keeps no pixels; {@link #toImage()} paints it afresh each time, so changes made to
 * {@link #charts()} (a styler setting, an extra series) show in the next render. A notebook kernel
 * shows a figure by calling {@link #toPng()}.
 */
public final class Figure {

    private final String title;
    private final List<Chart<?, ?>> charts;
    private final ImageGrid grid;

    private Figure(String title, List<Chart<?, ?>> charts, ImageGrid grid) {
        this.title = Objects.requireNonNull(title, "title");
        this.charts = charts;
        this.grid = grid;
    }

    /** A figure of {@code charts} laid out left to right, each at its own size. */
    public static Figure of(String title, Chart<?, ?>... charts) {
        return of(title, List.of(charts));
    }

    /** A figure of {@code charts} laid out left to right, each at its own size. */
    public static Figure of(String title, List<? extends Chart<?, ?>> charts) {
        if (charts.isEmpty()) {
            throw new IllegalArgumentException("A figure needs at least one chart, but '" + title + "' got none.");
        }
        List<Chart<?, ?>> copy = List.copyOf(charts);
        return new Figure(title, copy, null);
    }

    /** A figure showing {@code grid}. */
    static Figure of(String title, ImageGrid grid) {
        return new Figure(title, List.of(), grid);
    }

    /** A name for the figure (for captions and alt text); charts draw their own titles, so it is not painted. */
    public String title() {
        return title;
    }

    /** The live charts, left to right; empty for an image grid. */
    public List<Chart<?, ?>> charts() {
        return charts;
    }

    /** Width of the rendered image in pixels. */
    public int width() {
        return grid != null ? grid.width() : charts.stream().mapToInt(Chart::getWidth).sum();
    }

    /** Height of the rendered image in pixels. */
    public int height() {
        return grid != null ? grid.height() : charts.stream().mapToInt(Chart::getHeight).max().orElse(0);
    }

    /** Number of rows of panels or images: 1 for charts. */
    public int rows() {
        return grid != null ? grid.rows() : 1;
    }

    /** Number of columns of panels or images: one per chart. */
    public int columns() {
        return grid != null ? grid.columns() : charts.size();
    }

    /** The caption under each image of a grid, in grid order; empty for charts. */
    public List<String> captions() {
        return grid != null ? grid.captions() : List.of();
    }

    /** Where image {@code index} of a grid is painted; lets tests find a cell without knowing the layout. */
    Rectangle imageBounds(int index) {
        if (grid == null) {
            throw new IllegalStateException("Figure '" + title + "' is charts, not an image grid.");
        }
        return grid.imageBounds(index);
    }

    /** Renders the figure on a white background, {@link #width()} by {@link #height()} pixels. */
    public BufferedImage toImage() {
        return grid != null ? grid.render() : renderCharts();
    }

    /** The figure as PNG bytes. */
    public byte[] toPng() {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(toImage(), "png", png);
        } catch (IOException e) {
            // Only a broken ImageIO installation fails writing to memory.
            throw new UncheckedIOException("Cannot encode figure '" + title + "' as PNG: " + e.getMessage(), e);
        }
        return png.toByteArray();
    }

    /** Writes the figure as a PNG file, atomically: a reader sees the old file or the whole new one. */
    public void save(Path png) {
        Path name = png.getFileName();
        if (name == null || !name.toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            throw new IllegalArgumentException("Cannot save figure '" + title + "' to " + png
                    + " because figures are saved as PNG, so the file name must end in .png.");
        }
        // Encode first so that a failed render never leaves a temporary file behind.
        AtomicFiles.write(png, toPng());
    }

    private BufferedImage renderCharts() {
        BufferedImage canvas = new BufferedImage(width(), height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
            int x = 0;
            for (Chart<?, ?> chart : charts) {
                // Each chart paints onto its own image: XChart assumes its origin is (0, 0).
                g.drawImage(BitmapEncoder.getBufferedImage(chart), x, 0, null);
                x += chart.getWidth();
            }
        } finally {
            g.dispose();
        }
        return canvas;
    }

    @Override
    public String toString() {
        String content = grid != null ? captions().size() + " images" : charts.size() + (charts.size() == 1 ? " chart" : " charts");
        return "Figure['" + title + "', " + content + ", " + width() + "x" + height() + "]";
    }
}
