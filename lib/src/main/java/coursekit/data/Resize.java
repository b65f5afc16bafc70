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
        // Offsets of each output column's two source pixels within a row, and its weight.
        int[] left = new int[newW];
        int[] right = new int[newW];
        float[] fx = new float[newW];
        for (int x = 0; x < newW; x++) {
            float sx = Math.max(0f, (x + 0.5f) * scaleX - 0.5f);
            int x0 = Math.min((int) sx, w - 1);
            left[x] = x0 * c;
            right[x] = Math.min(x0 + 1, w - 1) * c;
            fx[x] = sx - x0;
        }
        int rowBytes = w * c;
        int o = 0;
        for (int n = 0; n < count; n++) {
            int inBase = n * h * rowBytes;
            for (int y = 0; y < newH; y++) {
                float sy = Math.max(0f, (y + 0.5f) * scaleY - 0.5f);
                int y0 = Math.min((int) sy, h - 1);
                float fy = sy - y0;
                int top = inBase + y0 * rowBytes;
                int bottom = inBase + Math.min(y0 + 1, h - 1) * rowBytes;
                for (int x = 0; x < newW; x++) {
                    float f = fx[x];
                    for (int ch = 0; ch < c; ch++) {
                        float a = src[top + left[x] + ch] & 0xff;
                        float b = src[top + right[x] + ch] & 0xff;
                        float d = src[bottom + left[x] + ch] & 0xff;
                        float e = src[bottom + right[x] + ch] & 0xff;
                        float upper = a + (b - a) * f;
                        float lower = d + (e - d) * f;
                        out[o++] = (byte) roundHalfUp(upper + (lower - upper) * fy);
                    }
                }
            }
        }
        return out;
    }

    /** {@code Math.round} for values from 0 to 2^23, exactly, without its general bit arithmetic. */
    private static int roundHalfUp(float v) {
        int whole = (int) v;
        return v - whole >= 0.5f ? whole + 1 : whole;
    }
}
