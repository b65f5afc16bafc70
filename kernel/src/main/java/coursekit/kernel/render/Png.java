package coursekit.kernel.render;

import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * PNG bundles: base64 {@code image/png} that notebooks embed, so images survive export to HTML
 * without JavaScript, plus a {@code text/plain} caption.
 */
final class Png {

    private Png() {}

    static MimeBundle bundle(byte[] png, int width, int height, String caption) {
        return new MimeBundle()
                .put(MimeBundle.PNG, Base64.getEncoder().encodeToString(png))
                .meta(MimeBundle.PNG, Map.of("width", width, "height", height))
                .put(MimeBundle.TEXT, caption);
    }

    static byte[] encode(RenderedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("No PNG writer accepts this image (" + image.getClass().getName() + ").");
        }
        return out.toByteArray();
    }
}
