package coursekit.plot;

import coursekit.data.ImageSet;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/** Lays out images in a grid of captioned cells and paints them, each upscaled by a whole factor. */
final class ImageGrid {

    /** The most images one grid shows; more would be too small to read in a notebook cell. */
    static final int MAX_IMAGES = 64;

    /** Each image is enlarged to at least this many pixels on its longer side, so 28x28 digits are visible. */
    static final int MIN_CELL = 96;

    private static final int PADDING = 8;
    private static final int CAPTION_HEIGHT = 20;
    private static final Color MARK = new Color(0xD6, 0x27, 0x28);

    private final ImageSet images;
    /** Captions other than the class names, or null. */
    private final List<String> captions;
    /** Images framed and captioned in red, e.g. mistakes; null for none. */
    private final boolean[] marked;
    private final int scale;
    private final int columns;
    private final int rows;

    /** A grid of every image in {@code images}, which must hold 1 to {@link #MAX_IMAGES}. */
    ImageGrid(ImageSet images) {
        this(images, null, null);
    }

    /** A grid of every image in {@code images}, captioned with {@code captions} and, where {@code marked}, framed in red. */
    ImageGrid(ImageSet images, List<String> captions, boolean[] marked) {
        int count = images.size();
        if (captions != null && captions.size() != count || marked != null && marked.length != count) {
            throw new IllegalArgumentException("An image grid of " + count + " images needs as many captions and marks.");
        }
        this.captions = captions == null ? null : List.copyOf(captions);
        this.marked = marked == null ? null : marked.clone();
        if (count < 1 || count > MAX_IMAGES) {
            throw new IllegalArgumentException("An image grid shows 1 to " + MAX_IMAGES + " images, but got " + count + ".");
        }
        this.images = images;
        // A whole factor keeps every source pixel a square block of equal size (nearest neighbour).
        this.scale = Math.max(1, ceilDiv(MIN_CELL, Math.max(images.height(), images.width())));
        // A near-square grid: 10 images are 3 rows of 4, 64 are 8 rows of 8.
        this.columns = (int) Math.ceil(Math.sqrt(count));
        this.rows = ceilDiv(count, columns);
    }

    int rows() {
        return rows;
    }

    int columns() {
        return columns;
    }

    int width() {
        return PADDING + columns * (cellWidth() + PADDING);
    }

    int height() {
        return PADDING + rows * (cellHeight() + CAPTION_HEIGHT + PADDING);
    }

    /** The caption of each image (its class name unless given), in grid order (left to right, top to bottom). */
    List<String> captions() {
        if (this.captions != null) {
            return this.captions;
        }
        List<String> captions = new ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            captions.add(images.classNames().get(images.label(i)));
        }
        return captions;
    }

    /** Where image {@code index} is painted, in pixels of the rendered grid. */
    Rectangle imageBounds(int index) {
        int col = index % columns;
        int row = index / columns;
        int x = PADDING + col * (cellWidth() + PADDING);
        int y = PADDING + row * (cellHeight() + CAPTION_HEIGHT + PADDING);
        return new Rectangle(x, y, cellWidth(), cellHeight());
    }

    /** Paints the grid on a white background. */
    BufferedImage render() {
        BufferedImage canvas = new BufferedImage(width(), height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(Style.font(Font.PLAIN, 12));
            List<String> captions = captions();
            for (int i = 0; i < images.size(); i++) {
                Rectangle bounds = imageBounds(i);
                g.drawImage(toImage(i), bounds.x, bounds.y, bounds.width, bounds.height, null);
                boolean mark = marked(i);
                if (mark) {
                    g.setColor(MARK);
                    g.setStroke(new java.awt.BasicStroke(4));
                    g.drawRect(bounds.x, bounds.y, bounds.width - 1, bounds.height - 1);
                }
                drawCaption(g, captions.get(i), bounds, mark ? MARK : Style.TEXT);
            }
        } finally {
            g.dispose();
        }
        return canvas;
    }

    private int cellWidth() {
        return images.width() * scale;
    }

    private int cellHeight() {
        return images.height() * scale;
    }

    /** Image {@code index} at its own size; grey images repeat their one channel as red, green and blue. */
    private BufferedImage toImage(int index) {
        BufferedImage image = new BufferedImage(images.width(), images.height(), BufferedImage.TYPE_INT_RGB);
        boolean gray = images.channels() == 1;
        for (int row = 0; row < images.height(); row++) {
            for (int col = 0; col < images.width(); col++) {
                int r = images.pixel(index, row, col, 0);
                int gr = gray ? r : images.pixel(index, row, col, 1);
                int b = gray ? r : images.pixel(index, row, col, 2);
                image.setRGB(col, row, (r << 16) | (gr << 8) | b);
            }
        }
        return image;
    }

    /** Whether image {@code index} is framed in red. */
    boolean marked(int index) {
        return marked != null && marked[index];
    }

    private static void drawCaption(Graphics2D g, String caption, Rectangle bounds, Color colour) {
        FontMetrics metrics = g.getFontMetrics();
        String text = fit(caption, metrics, bounds.width);
        int x = bounds.x + (bounds.width - metrics.stringWidth(text)) / 2;
        int y = bounds.y + bounds.height + (CAPTION_HEIGHT + metrics.getAscent() - metrics.getDescent()) / 2;
        g.setColor(colour);
        g.drawString(text, x, y);
    }

    /** {@code text}, shortened with an ellipsis if it is wider than {@code width}, so captions never overlap. */
    private static String fit(String text, FontMetrics metrics, int width) {
        if (metrics.stringWidth(text) <= width) {
            return text;
        }
        String shortened = text;
        while (!shortened.isEmpty() && metrics.stringWidth(shortened + "\u2026") > width) {
            shortened = shortened.substring(0, shortened.length() - 1);
        }
        return shortened + "\u2026";
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
