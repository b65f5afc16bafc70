package coursekit.data;

/** Moves the pixels of HWC byte images by one permutation of their positions, as Permuted MNIST does. */
final class PixelPermutation {

    private PixelPermutation() {}

    /** Pixel {@code p} of each result image is pixel {@code permutation[p]} of the original, all channels together. */
    static byte[] apply(byte[] pixels, int count, int height, int width, int channels, int[] permutation) {
        int area = height * width;
        boolean[] seen = new boolean[area];
        if (permutation.length != area) {
            throw new IllegalArgumentException("A pixel permutation of " + height + "x" + width + " images needs " + area
                    + " entries, but got " + permutation.length + ".");
        }
        for (int p : permutation) {
            if (p < 0 || p >= area || seen[p]) {
                throw new IllegalArgumentException("A pixel permutation must hold each of 0.." + (area - 1)
                        + " once, but " + p + " is out of range or repeated.");
            }
            seen[p] = true;
        }
        byte[] out = new byte[pixels.length];
        int bytes = area * channels;
        for (int i = 0; i < count; i++) {
            int base = i * bytes;
            for (int p = 0; p < area; p++) {
                System.arraycopy(pixels, base + permutation[p] * channels, out, base + p * channels, channels);
            }
        }
        return out;
    }
}
