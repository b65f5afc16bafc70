package coursekit.cl;

import coursekit.data.ImageSet;
import java.util.stream.IntStream;

/**
 * A fixed way a session's camera sees every photo, for {@link PhotoSessions#restyled}: the same change applied to all
 * photos of a session, as a new lighting or a new lens would change them. Each is strong enough to see at a glance,
 * and none moves or hides the animal, so the class stays what it was.
 */
public enum Look {

    /** The photos as they were taken. */
    ORIGINAL("original"),

    /** Underexposed and flat, an evening shot: {@code 0.3 v + 8} in every channel (values 8-84). */
    DUSK("dusk") {
        @Override
        void apply(byte[] pixels, int height, int width, int channels) {
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = (byte) Math.round(0.3 * (pixels[i] & 0xff) + 8);
            }
        }
    },

    /** Black and white: the luma {@code 0.299 R + 0.587 G + 0.114 B} in all three channels. */
    GREY("grey") {
        @Override
        void apply(byte[] pixels, int height, int width, int channels) {
            for (int at = 0; at + 2 < pixels.length && channels >= 3; at += channels) {
                long luma = Math.round(0.299 * (pixels[at] & 0xff) + 0.587 * (pixels[at + 1] & 0xff) + 0.114 * (pixels[at + 2] & 0xff));
                pixels[at] = (byte) luma;
                pixels[at + 1] = (byte) luma;
                pixels[at + 2] = (byte) luma;
            }
        }
    },

    /** Out of focus: a box blur whose side is a fifteenth of the image's width (11 pixels at 160), run twice. */
    BLUR("blur") {
        @Override
        void apply(byte[] pixels, int height, int width, int channels) {
            int radius = Math.max(1, width / 30);
            for (int pass = 0; pass < 2; pass++) {
                boxBlur(pixels, height, width, channels, radius, true);
                boxBlur(pixels, height, width, channels, radius, false);
            }
        }
    },

    /** A strong orange cast, as under tungsten light: red {@code 1.1 R + 25}, green {@code 0.95 G + 5}, blue halved. */
    WARM("warm") {
        @Override
        void apply(byte[] pixels, int height, int width, int channels) {
            for (int at = 0; at + 2 < pixels.length && channels >= 3; at += channels) {
                pixels[at] = (byte) Math.min(255, Math.round(1.1 * (pixels[at] & 0xff) + 25));
                pixels[at + 1] = (byte) Math.min(255, Math.round(0.95 * (pixels[at + 1] & 0xff) + 5));
                pixels[at + 2] = (byte) Math.round(0.5 * (pixels[at + 2] & 0xff));
            }
        }
    };

    private final String label;

    Look(String label) {
        this.label = label;
    }

    /** Changes one image, given as its HWC bytes, in place; {@link #ORIGINAL} leaves it as it is. */
    void apply(byte[] pixels, int height, int width, int channels) {}

    /** Every image of {@code images} with this look, in memory ({@link #ORIGINAL} returns the set itself). */
    public ImageSet apply(ImageSet images) {
        if (this == ORIGINAL) {
            return images;
        }
        int bytes = images.imageBytes();
        byte[] pixels = new byte[images.size() * bytes];
        images.copyImages(IntStream.range(0, images.size()).toArray(), pixels, 0);
        IntStream.range(0, images.size()).parallel().forEach(i -> {
            byte[] one = new byte[bytes];
            System.arraycopy(pixels, i * bytes, one, 0, bytes);
            apply(one, images.height(), images.width(), images.channels());
            System.arraycopy(one, 0, pixels, i * bytes, bytes);
        });
        return ImageSet.of(pixels, images.labels(), images.height(), images.width(), images.channels(), images.classNames());
    }

    /** Its name in scenario names and options: {@code original}, {@code dusk}, ... */
    @Override
    public String toString() {
        return label;
    }

    /** A running mean over {@code 2 radius + 1} pixels along rows ({@code horizontal}) or columns, edges clamped. */
    private static void boxBlur(byte[] pixels, int height, int width, int channels, int radius, boolean horizontal) {
        int lines = horizontal ? height : width;
        int length = horizontal ? width : height;
        int[] line = new int[length];
        int window = 2 * radius + 1;
        for (int l = 0; l < lines; l++) {
            for (int c = 0; c < channels; c++) {
                for (int p = 0; p < length; p++) {
                    line[p] = pixels[index(l, p, horizontal, width, channels) + c] & 0xff;
                }
                int sum = 0;
                for (int p = -radius; p <= radius; p++) {
                    sum += line[Math.max(0, Math.min(length - 1, p))];
                }
                for (int p = 0; p < length; p++) {
                    pixels[index(l, p, horizontal, width, channels) + c] = (byte) ((sum + window / 2) / window);
                    sum += line[Math.min(length - 1, p + radius + 1)] - line[Math.max(0, p - radius)];
                }
            }
        }
    }

    private static int index(int line, int position, boolean horizontal, int width, int channels) {
        return horizontal ? (line * width + position) * channels : (position * width + line) * channels;
    }
}
