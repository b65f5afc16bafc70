package coursekit.data;

/** Bilinear resizing of HWC byte images, with pixel centres aligned as in OpenCV and PIL. */
final class Resize {

    private Resize() {}

    static byte[] bilinear(byte[] src, int count, int h, int w, int c, int newH, int newW) {
        if (newH <= 0 || newW <= 0) {
            throw new IllegalArgumentException("Cannot resize images to " + newH + "x" + newW + ": both sides must be positive.");
        }
        byte[] out = new byte[count * newH * newW * c];
        float scaleY = (float) h / newH;
        float scaleX = (float) w / newW;
        int[] x0 = new int[newW];
        int[] x1 = new int[newW];
        float[] fx = new float[newW];
        for (int x = 0; x < newW; x++) {
            float sx = Math.max(0f, (x + 0.5f) * scaleX - 0.5f);
            x0[x] = Math.min((int) sx, w - 1);
            x1[x] = Math.min(x0[x] + 1, w - 1);
            fx[x] = sx - x0[x];
        }
        int inImage = h * w * c;
        int outImage = newH * newW * c;
        for (int n = 0; n < count; n++) {
            int inBase = n * inImage;
            int outBase = n * outImage;
            for (int y = 0; y < newH; y++) {
                float sy = Math.max(0f, (y + 0.5f) * scaleY - 0.5f);
                int y0 = Math.min((int) sy, h - 1);
                int y1 = Math.min(y0 + 1, h - 1);
                float fy = sy - y0;
                for (int x = 0; x < newW; x++) {
                    for (int ch = 0; ch < c; ch++) {
                        float a = src[inBase + (y0 * w + x0[x]) * c + ch] & 0xff;
                        float b = src[inBase + (y0 * w + x1[x]) * c + ch] & 0xff;
                        float d = src[inBase + (y1 * w + x0[x]) * c + ch] & 0xff;
                        float e = src[inBase + (y1 * w + x1[x]) * c + ch] & 0xff;
                        float top = a + (b - a) * fx[x];
                        float bottom = d + (e - d) * fx[x];
                        out[outBase + (y * newW + x) * c + ch] = (byte) Math.round(top + (bottom - top) * fy);
                    }
                }
            }
        }
        return out;
    }
}
