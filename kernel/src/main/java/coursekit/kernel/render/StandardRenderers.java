package coursekit.kernel.render;

import ai.djl.ndarray.NDArray;
import coursekit.model.ModelSummary;
import coursekit.plot.Figure;
import coursekit.plot.Plots;
import coursekit.train.History;
import java.awt.image.BufferedImage;
import java.awt.image.RenderedImage;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

/**
 * The renderers every notebook has: images, XChart charts and the kit's figures as PNG; Tablesaw
 * tables and model summaries as HTML tables; NDArrays as shape, type and (cut) values; a training
 * history as its accuracy and loss chart.
 */
final class StandardRenderers {

    private StandardRenderers() {}

    static void registerAll(Renderers renderers) {
        renderers
                .register(RenderedImage.class, StandardRenderers::image)
                .register(Chart.class, StandardRenderers::chart)
                .register(Figure.class, figure -> Png.bundle(figure.toPng(), figure.width(), figure.height(), figure.toString()))
                .register(Table.class, TableHtml::bundle)
                .register(NDArray.class, NdArrayText::bundle)
                .register(History.class, StandardRenderers::history)
                .register(ModelSummary.class, summary -> new MimeBundle()
                        .put(MimeBundle.HTML, TableHtml.html(summary.toTable(), Integer.MAX_VALUE) + totals(summary))
                        .put(MimeBundle.TEXT, summary.toString()))
                .register(DisplayHandle.class, handle -> null)
                .register(Html.class, html -> new MimeBundle().put(MimeBundle.HTML, html.html()).put(MimeBundle.TEXT, html.toString()))
                .register(Markdown.class, md -> new MimeBundle().put(MimeBundle.MARKDOWN, md.markdown()).put(MimeBundle.TEXT, md.markdown()));
    }

    private static MimeBundle image(RenderedImage image) throws Exception {
        String kind = image instanceof BufferedImage ? "BufferedImage" : image.getClass().getSimpleName();
        return Png.bundle(Png.encode(image), image.getWidth(), image.getHeight(),
                kind + " " + image.getWidth() + "x" + image.getHeight());
    }

    private static MimeBundle chart(Chart<?, ?> chart) throws Exception {
        BufferedImage image = BitmapEncoder.getBufferedImage(chart);
        String title = chart.getTitle() == null || chart.getTitle().isEmpty() ? "" : " '" + chart.getTitle() + "'";
        return Png.bundle(Png.encode(image), image.getWidth(), image.getHeight(),
                chart.getClass().getSimpleName() + title + " " + image.getWidth() + "x" + image.getHeight());
    }

    private static MimeBundle history(History history) {
        if (history.epochs() == 0) {
            return MimeBundle.text(history.toString());
        }
        Figure figure = Plots.history(history);
        return Png.bundle(figure.toPng(), figure.width(), figure.height(), history.toString());
    }

    private static String totals(ModelSummary summary) {
        return "<p>Total params: " + String.format("%,d", summary.totalParameters())
                + "<br>Trainable params: " + String.format("%,d", summary.trainableParameters())
                + "<br>Non-trainable params: " + String.format("%,d", summary.nonTrainableParameters()) + "</p>";
    }
}
