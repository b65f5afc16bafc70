package coursekit.augment;

import coursekit.data.ImageSet;
import java.util.SplittableRandom;

/**
 * The loops behind every transform, over primitive arrays: one inverse-mapping resampling pass for
 * all geometric transforms, and small in-place steps for the pixel-level ones.
 *
 * <p>Images come in as unsigned bytes in height-width-channel order (the layout of {@link ImageSet});
 * results are floats in the 0-255 range, written with a pixel stride and a channel stride so that the
 * same loop fills an HWC scratch image or a slot of a channel-first batch.
 */
final class Warp {

    /** How far outside the image a sample may fall and still count as inside, so that rounding noise never turns an edge pixel into {@code cval}. */
    private static final double EDGE_TOLERANCE = 1e-6;

    /** Fraction bits of the fixed-point coordinates. */
    private static final int SHIFT = 16;
    private static final long ONE = 1L << SHIFT;
    private static final long FRACTION_MASK = ONE - 1;

    /** The bilinear weights keep 11 of those bits, so that 255 * 2048 * 2048 still fits an int. */
    private static final int WEIGHT_DROP = 5;
    private static final int WEIGHT_ONE = 1 << (SHIFT - WEIGHT_DROP);

    private Warp() {}

    /** What {@link #mapImages} does to one image: read HWC bytes, write HWC floats in 0-255. */
    interface ImageOp {
        void apply(byte[] source, float[] target);
    }

    /** Applies {@code op} to every image of {@code images}, rounding the results back to bytes; labels are kept. */
    static ImageSet mapImages(ImageSet images, ImageOp op) {
        int bytes = images.imageBytes();
        byte[] out = new byte[images.size() * bytes];
        byte[] source = new byte[bytes];
        float[] target = new float[bytes];
        for (int i = 0; i < images.size(); i++) {
            images.copyImage(i, source, 0);
            op.apply(source, target);
            toBytes(target, bytes, out, i * bytes);
        }
        return ImageSet.of(out, images.labels(), images.height(), images.width(), images.channels(), images.classNames());
    }

    /** Rounds {@code count} floats to the nearest byte value, clamped to 0-255. */
    static void toBytes(float[] values, int count, byte[] out, int offset) {
        for (int i = 0; i < count; i++) {
            float v = values[i];
            out[offset + i] = (byte) (v <= 0f ? 0 : v >= 255f ? 255 : (int) (v + 0.5f));
        }
    }

    /** Copies an image unchanged into {@code target}, multiplied by {@code scale}. */
    static void convert(byte[] source, int h, int w, int c, float[] target, int offset, int pixelStride, int channelStride, float scale) {
        int pixels = h * w;
        for (int p = 0; p < pixels; p++) {
            int s = p * c;
            int o = offset + p * pixelStride;
            for (int ch = 0; ch < c; ch++) {
                target[o + ch * channelStride] = (source[s + ch] & 0xff) * scale;
            }
        }
    }

    /** Writes a float HWC image (0-255) into {@code target} with the given strides, multiplied by {@code scale}. */
    static void store(float[] image, int h, int w, int c, float[] target, int offset, int pixelStride, int channelStride, float scale) {
        int pixels = h * w;
        for (int p = 0; p < pixels; p++) {
            int s = p * c;
            int o = offset + p * pixelStride;
            for (int ch = 0; ch < c; ch++) {
                target[o + ch * channelStride] = image[s + ch] * scale;
            }
        }
    }

    /**
     * Resamples {@code source} through the output-to-input matrix {@code m} (see
     * {@link AffineTransform#matrix}), writing every output pixel once.
     *
     * @param order 1 for bilinear interpolation, 0 for the nearest pixel
     */
    static void affine(byte[] source, int h, int w, int c, double[] m, FillMode fill, float cval, int order,
            float[] target, int offset, int pixelStride, int channelStride, float scale) {
        // Coordinates step along a row in 16.16 fixed point: converting a double to an int per pixel
        // costs as much as all the interpolation, and the steps stay within 1/400 of a pixel across
        // a 150-pixel row. Edge pixels recompute their exact position before any fill rule applies.
        long stepX = Math.round(m[0] * ONE);
        long stepY = Math.round(m[3] * ONE);
        long limitX = (long) (w - 1) << SHIFT;
        long limitY = (long) (h - 1) << SHIFT;
        int rowBytes = w * c;
        float unit = scale / ((float) WEIGHT_ONE * WEIGHT_ONE);
        for (int y = 0; y < h; y++) {
            double baseX = m[1] * y + m[2];
            double baseY = m[4] * y + m[5];
            long fixedX = Math.round(baseX * ONE);
            long fixedY = Math.round(baseY * ONE);
            int o = offset + y * w * pixelStride;
            for (int x = 0; x < w; x++, o += pixelStride, fixedX += stepX, fixedY += stepY) {
                if (order == 1 && fixedX >= 0 && fixedY >= 0 && fixedX < limitX && fixedY < limitY) {
                    // The common case: all four neighbours inside, no fill rules, integer weights.
                    int x0 = (int) (fixedX >> SHIFT);
                    int y0 = (int) (fixedY >> SHIFT);
                    int fx = (int) (fixedX & FRACTION_MASK) >> WEIGHT_DROP;
                    int fy = (int) (fixedY & FRACTION_MASK) >> WEIGHT_DROP;
                    int gx = WEIGHT_ONE - fx;
                    int gy = WEIGHT_ONE - fy;
                    int p = y0 * rowBytes + x0 * c;
                    int q = p + rowBytes;
                    if (c == 3) {
                        int top = (source[p] & 0xff) * gx + (source[p + 3] & 0xff) * fx;
                        int bottom = (source[q] & 0xff) * gx + (source[q + 3] & 0xff) * fx;
                        target[o] = (top * gy + bottom * fy) * unit;
                        top = (source[p + 1] & 0xff) * gx + (source[p + 4] & 0xff) * fx;
                        bottom = (source[q + 1] & 0xff) * gx + (source[q + 4] & 0xff) * fx;
                        target[o + channelStride] = (top * gy + bottom * fy) * unit;
                        top = (source[p + 2] & 0xff) * gx + (source[p + 5] & 0xff) * fx;
                        bottom = (source[q + 2] & 0xff) * gx + (source[q + 5] & 0xff) * fx;
                        target[o + 2 * channelStride] = (top * gy + bottom * fy) * unit;
                    } else {
                        for (int ch = 0; ch < c; ch++) {
                            int top = (source[p + ch] & 0xff) * gx + (source[p + c + ch] & 0xff) * fx;
                            int bottom = (source[q + ch] & 0xff) * gx + (source[q + c + ch] & 0xff) * fx;
                            target[o + ch * channelStride] = (top * gy + bottom * fy) * unit;
                        }
                    }
                } else if (order == 1) {
                    bilinearAtEdge(source, h, w, c, baseX + m[0] * x, baseY + m[3] * x, fill, cval, target, o, channelStride, scale);
                } else {
                    nearest(source, h, w, c, baseX + m[0] * x, baseY + m[3] * x, fill, cval, target, o, channelStride, scale);
                }
            }
        }
    }

    private static void bilinearAtEdge(byte[] source, int h, int w, int c, double sx, double sy, FillMode fill, float cval,
            float[] target, int o, int channelStride, float scale) {
        FillMode mode = fill;
        if (fill == FillMode.CONSTANT) {
            // Keras's (scipy's) constant mode: no interpolation beyond the edges, so a sample outside is cval
            // and one inside only mixes pixels of the image.
            if (sx < -EDGE_TOLERANCE || sy < -EDGE_TOLERANCE || sx > w - 1 + EDGE_TOLERANCE || sy > h - 1 + EDGE_TOLERANCE) {
                for (int ch = 0; ch < c; ch++) {
                    target[o + ch * channelStride] = cval * scale;
                }
                return;
            }
            sx = Math.min(Math.max(sx, 0), w - 1);
            sy = Math.min(Math.max(sy, 0), h - 1);
            mode = FillMode.NEAREST;
        }
        double floorX = Math.floor(sx);
        double floorY = Math.floor(sy);
        float fx = (float) (sx - floorX);
        float fy = (float) (sy - floorY);
        int x0 = mode.map((int) floorX, w);
        int x1 = mode.map((int) floorX + 1, w);
        int y0 = mode.map((int) floorY, h);
        int y1 = mode.map((int) floorY + 1, h);
        int p00 = (y0 * w + x0) * c;
        int p01 = (y0 * w + x1) * c;
        int p10 = (y1 * w + x0) * c;
        int p11 = (y1 * w + x1) * c;
        for (int ch = 0; ch < c; ch++) {
            float top = (source[p00 + ch] & 0xff) + fx * ((source[p01 + ch] & 0xff) - (source[p00 + ch] & 0xff));
            float bottom = (source[p10 + ch] & 0xff) + fx * ((source[p11 + ch] & 0xff) - (source[p10 + ch] & 0xff));
            target[o + ch * channelStride] = (top + fy * (bottom - top)) * scale;
        }
    }

    private static void nearest(byte[] source, int h, int w, int c, double sx, double sy, FillMode fill, float cval,
            float[] target, int o, int channelStride, float scale) {
        int x = fill.map((int) Math.floor(sx + 0.5), w);
        int y = fill.map((int) Math.floor(sy + 0.5), h);
        if (x < 0 || y < 0) {
            for (int ch = 0; ch < c; ch++) {
                target[o + ch * channelStride] = cval * scale;
            }
            return;
        }
        int p = (y * w + x) * c;
        for (int ch = 0; ch < c; ch++) {
            target[o + ch * channelStride] = (source[p + ch] & 0xff) * scale;
        }
    }

    /**
     * Shrinks a float HWC image by {@code factor} with box averaging, then enlarges it back with
     * bilinear interpolation, in place: the blur and blockiness of a low-resolution copy.
     *
     * @param scratch at least {@code h * w * c} floats
     */
    static void downsample(float[] image, int h, int w, int c, double factor, float[] scratch) {
        int sh = Math.max(1, (int) Math.round(h * factor));
        int sw = Math.max(1, (int) Math.round(w * factor));
        if (sh >= h && sw >= w) {
            return;
        }
        for (int i = 0; i < sh; i++) {
            int r0 = (int) ((long) i * h / sh);
            int r1 = Math.max(r0 + 1, (int) ((long) (i + 1) * h / sh));
            for (int j = 0; j < sw; j++) {
                int c0 = (int) ((long) j * w / sw);
                int c1 = Math.max(c0 + 1, (int) ((long) (j + 1) * w / sw));
                float count = (r1 - r0) * (c1 - c0);
                for (int ch = 0; ch < c; ch++) {
                    float sum = 0;
                    for (int r = r0; r < r1; r++) {
                        for (int col = c0; col < c1; col++) {
                            sum += image[(r * w + col) * c + ch];
                        }
                    }
                    scratch[(i * sw + j) * c + ch] = sum / count;
                }
            }
        }
        // Half-pixel centres (as torchvision's and TensorFlow's resize), edges clamped; the column
        // positions are the same on every row, so they are worked out once.
        int[] columns = new int[w];
        float[] columnFractions = new float[w];
        for (int x = 0; x < w; x++) {
            double sx = Math.min(Math.max((x + 0.5) * sw / w - 0.5, 0), sw - 1);
            columns[x] = (int) sx;
            columnFractions[x] = (float) (sx - columns[x]);
        }
        for (int y = 0; y < h; y++) {
            double sy = Math.min(Math.max((y + 0.5) * sh / h - 0.5, 0), sh - 1);
            int y0 = (int) sy;
            int y1 = Math.min(y0 + 1, sh - 1);
            float fy = (float) (sy - y0);
            for (int x = 0; x < w; x++) {
                int x0 = columns[x];
                int x1 = Math.min(x0 + 1, sw - 1);
                float fx = columnFractions[x];
                for (int ch = 0; ch < c; ch++) {
                    float a = scratch[(y0 * sw + x0) * c + ch];
                    float b = scratch[(y0 * sw + x1) * c + ch];
                    float d = scratch[(y1 * sw + x0) * c + ch];
                    float e = scratch[(y1 * sw + x1) * c + ch];
                    float top = a + fx * (b - a);
                    float bottom = d + fx * (e - d);
                    image[(y * w + x) * c + ch] = top + fy * (bottom - top);
                }
            }
        }
    }

    /**
     * Scales each channel's distance from that channel's mean by {@code factor}, as Keras's
     * {@code RandomContrast} does, and clips to 0-255.
     */
    static void contrast(float[] image, int pixels, int c, float factor) {
        for (int ch = 0; ch < c; ch++) {
            double sum = 0;
            for (int p = 0; p < pixels; p++) {
                sum += image[p * c + ch];
            }
            float mean = (float) (sum / pixels);
            for (int p = 0; p < pixels; p++) {
                int i = p * c + ch;
                image[i] = clip(mean + (image[i] - mean) * factor);
            }
        }
    }

    /** Multiplies channel {@code ch} by {@code factors[ch]} and clips to 0-255. */
    static void brightness(float[] image, int pixels, int c, float[] factors) {
        for (int p = 0; p < pixels; p++) {
            for (int ch = 0; ch < c; ch++) {
                int i = p * c + ch;
                image[i] = clip(image[i] * factors[ch]);
            }
        }
    }

    /** Adds independent Gaussian noise of standard deviation {@code stddev} to every value and clips to 0-255. */
    static void noise(float[] image, int count, double stddev, SplittableRandom random) {
        for (int i = 0; i < count; i++) {
            image[i] = clip((float) (image[i] + random.nextGaussian() * stddev));
        }
    }

    private static float clip(float v) {
        return v < 0f ? 0f : Math.min(v, 255f);
    }
}
