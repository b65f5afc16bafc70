package coursekit.data;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import org.w3c.dom.Node;

/**
 * Decodes one image file into RGB bytes at a target size, as Keras's {@code color_mode="rgb"} does: grayscale
 * is copied into the three channels, alpha is dropped, CMYK is converted, and the result is resized with
 * bilinear interpolation. Every failure is a {@link DatasetException} naming the file.
 */
final class PhotoDecoder {

    private static final String JPEG_METADATA = "javax_imageio_jpeg_image_1.0";
    /**
     * Each decoding thread's buffer for full-size photos, reused from photo to photo: a fresh one per photo (600 KB
     * for the lecture's) is garbage that keeps the collector busy. Photos over {@link #SCRATCH_LIMIT} bytes get one of
     * their own, so that a thread never holds more than that.
     */
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[0]);
    private static final int SCRATCH_LIMIT = 12 << 20;
    private static final ColorModel RGB_BYTES = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
            Transparency.OPAQUE, DataBuffer.TYPE_BYTE);

    private PhotoDecoder() {}

    /** Decodes {@code file} into {@code height x width} RGB bytes, HWC. */
    static byte[] decode(Path file, int height, int width) {
        Decoded decoded = read(file);
        BufferedImage image = decoded.image();
        byte[] rgb = toRgb(image, decoded.adobe());
        if (image.getHeight() == height && image.getWidth() == width) {
            return rgb == SCRATCH.get() ? Arrays.copyOf(rgb, height * width * 3) : rgb;
        }
        return Resize.bilinear(rgb, 1, image.getHeight(), image.getWidth(), 3, height, width);
    }

    /**
     * Checks that an image decoder recognises {@code file} and can read its size, without decoding the pixels:
     * a cheap test for files that are not images at all or are empty.
     */
    static void checkHeader(Path file) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = reader(file, in);
            try {
                reader.setInput(in, true, true);
                if (reader.getWidth(0) <= 0 || reader.getHeight(0) <= 0) {
                    throw corrupt(file, "its header gives no size");
                }
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw asDatasetException(file, e);
        }
    }

    /** A decoded image, and whether it is CMYK with Photoshop's Adobe marker (inks stored inverted). */
    private record Decoded(BufferedImage image, boolean adobe) {}

    /**
     * Reads with an explicit ImageReader rather than {@code ImageIO.read}, because the JPEG decoder reports a
     * truncated file only as a warning and would otherwise return an image padded with grey.
     */
    private static Decoded read(Path file) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = reader(file, in);
            List<String> warnings = new ArrayList<>();
            try {
                reader.setInput(in, true, true);
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                ImageReadParam param = reader.getDefaultReadParam();
                param.setDestination(rgbTarget(reader));
                BufferedImage image = reader.read(0, param);
                for (String warning : warnings) {
                    if (warning.toLowerCase(Locale.ROOT).contains("truncated")) {
                        throw corrupt(file, warning);
                    }
                }
                boolean cmyk = image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_CMYK;
                return new Decoded(image, cmyk && hasAdobeMarker(reader.getImageMetadata(0)));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw asDatasetException(file, e);
        }
    }

    /**
     * An image for the decoder to write into when its own output would be 8-bit sRGB in three bands (every colour
     * JPEG), laid out as R, G, B bytes so that its data array is the decoded photo as it is; null (the decoder's own
     * choice) for any other image.
     */
    private static BufferedImage rgbTarget(ImageReader reader) throws IOException {
        Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
        if (types == null || !types.hasNext()) {
            return null;
        }
        ImageTypeSpecifier type = types.next();
        ColorModel model = type.getColorModel();
        if (type.getNumBands() != 3 || model.hasAlpha() || !model.getColorSpace().isCS_sRGB()
                || type.getSampleModel().getDataType() != DataBuffer.TYPE_BYTE) {
            return null;
        }
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        int bytes = 3 * width * height;
        byte[] data = SCRATCH.get();
        if (data.length < bytes) {
            data = new byte[bytes];
            if (bytes <= SCRATCH_LIMIT) {
                SCRATCH.set(data);
            }
        }
        WritableRaster raster = Raster.createInterleavedRaster(new DataBufferByte(data, bytes), width, height, 3 * width, 3,
                new int[] {0, 1, 2}, null);
        return new BufferedImage(RGB_BYTES, raster, false, null);
    }

    private static ImageReader reader(Path file, ImageInputStream in) {
        Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
        if (readers == null || !readers.hasNext()) {
            throw corrupt(file, "no image decoder recognises its content");
        }
        return readers.next();
    }

    /** Photoshop writes CMYK JPEGs with an Adobe APP14 marker and stores the inks inverted. */
    private static boolean hasAdobeMarker(IIOMetadata metadata) {
        if (metadata == null || !java.util.Arrays.asList(metadata.getMetadataFormatNames()).contains(JPEG_METADATA)) {
            return false;
        }
        return find(metadata.getAsTree(JPEG_METADATA), "app14Adobe");
    }

    private static boolean find(Node node, String name) {
        if (node.getNodeName().equals(name)) {
            return true;
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (find(child, name)) {
                return true;
            }
        }
        return false;
    }

    private static DatasetException asDatasetException(Path file, Exception e) {
        // Decoders throw unchecked exceptions (IndexOutOfBounds, IllegalArgument) on some malformed files.
        if (e instanceof DatasetException de) {
            return de;
        }
        return corrupt(file, e.toString());
    }

    private static DatasetException corrupt(Path file, String detail) {
        return new DatasetException(file + " cannot be decoded as an image (" + detail + "); it is truncated or "
                + "corrupt, so replace it with a good copy or remove it.");
    }

    /** HWC RGB bytes of any decoded image. */
    private static byte[] toRgb(BufferedImage image, boolean adobe) {
        byte[] packed = packedRgb(image);
        if (packed != null) {
            return packed;
        }
        int h = image.getHeight();
        int w = image.getWidth();
        byte[] out = new byte[h * w * 3];
        int type = image.getColorModel().getColorSpace().getType();
        if (type == ColorSpace.TYPE_GRAY) {
            grayToRgb(image, out);
            return out;
        }
        if (type == ColorSpace.TYPE_CMYK) {
            cmykToRgb(image.getRaster(), adobe, out);
            return out;
        }
        if (interleavedRgbBytes(image, out)) {
            return out;
        }
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        for (int p = 0; p < argb.length; p++) {
            out[3 * p] = (byte) (argb[p] >> 16);
            out[3 * p + 1] = (byte) (argb[p] >> 8);
            out[3 * p + 2] = (byte) argb[p];
        }
        return out;
    }

    /** The data array of an image laid out as {@link #rgbTarget} lays it out, or null for any other image. */
    private static byte[] packedRgb(BufferedImage image) {
        if (image.getColorModel() != RGB_BYTES || !(image.getRaster().getDataBuffer() instanceof DataBufferByte buffer)) {
            return null;
        }
        return buffer.getSize() == 3 * image.getWidth() * image.getHeight() && buffer.getOffset() == 0 ? buffer.getData() : null;
    }

    /**
     * Copies the samples of an sRGB image stored as interleaved bytes (what the JPEG and PNG readers return for
     * colour photos, BGR or RGB, with or without straight alpha) straight into {@code out}: the same values as
     * {@code getRGB}, which converts pixel by pixel through the colour model and costs twice the decoding.
     * Returns false, leaving {@code out} alone, for any other layout.
     */
    private static boolean interleavedRgbBytes(BufferedImage image, byte[] out) {
        ColorModel model = image.getColorModel();
        Raster raster = image.getRaster();
        if (!model.getColorSpace().isCS_sRGB() || model.isAlphaPremultiplied()
                || !(raster.getSampleModel() instanceof PixelInterleavedSampleModel layout)
                || !(raster.getDataBuffer() instanceof DataBufferByte buffer) || buffer.getNumBanks() != 1
                || layout.getNumBands() < 3 || raster.getSampleModelTranslateX() != 0 || raster.getSampleModelTranslateY() != 0) {
            return false;
        }
        for (int band = 0; band < 3; band++) {
            if (model.getComponentSize(band) != 8) {
                return false;
            }
        }
        byte[] data = buffer.getData();
        int[] offsets = layout.getBandOffsets();
        int stride = layout.getPixelStride();
        int rowStride = layout.getScanlineStride();
        int base = buffer.getOffset();
        int w = image.getWidth();
        for (int y = 0; y < image.getHeight(); y++) {
            int in = base + y * rowStride;
            int o = 3 * y * w;
            for (int x = 0; x < w; x++, in += stride, o += 3) {
                out[o] = data[in + offsets[0]];
                out[o + 1] = data[in + offsets[1]];
                out[o + 2] = data[in + offsets[2]];
            }
        }
        return true;
    }

    /**
     * Converts inks to RGB as Pillow does ({@code R = (255 - C)(255 - K) / 255}), because Java's own CMYK
     * colour space gives much darker colours than any other image library.
     */
    private static void cmykToRgb(Raster raster, boolean adobe, byte[] out) {
        int w = raster.getWidth();
        int[] row = new int[w * 4];
        for (int y = 0; y < raster.getHeight(); y++) {
            raster.getPixels(0, y, w, 1, row);
            for (int x = 0; x < w; x++) {
                int k = ink(row[4 * x + 3], adobe);
                int p = 3 * (y * w + x);
                for (int ch = 0; ch < 3; ch++) {
                    out[p + ch] = (byte) Math.round((255 - ink(row[4 * x + ch], adobe)) * (255 - k) / 255f);
                }
            }
        }
    }

    /**
     * The ink of a sample as Java's JPEG reader returns it: the reader hands back 255 minus every stored sample of a
     * four-channel JPEG, marker or not, so an Adobe file's inks come back as they are and a plain file's inverted.
     */
    private static int ink(int sample, boolean adobe) {
        return adobe ? sample : 255 - sample;
    }

    /**
     * Copies stored grey levels, because {@code getRGB} treats Java's grey colour space as linear and would
     * brighten them (128 becomes 188), which no other image library does.
     */
    private static void grayToRgb(BufferedImage image, byte[] out) {
        Raster raster = image.getRaster();
        int bits = image.getColorModel().getComponentSize(0);
        int max = (1 << bits) - 1;
        int w = image.getWidth();
        int[] row = new int[w];
        for (int y = 0; y < image.getHeight(); y++) {
            raster.getSamples(0, y, w, 1, 0, row);
            for (int x = 0; x < w; x++) {
                int value = bits == 8 ? row[x] : Math.round(row[x] * 255f / max);
                int p = 3 * (y * w + x);
                out[p] = out[p + 1] = out[p + 2] = (byte) value;
            }
        }
    }
}
