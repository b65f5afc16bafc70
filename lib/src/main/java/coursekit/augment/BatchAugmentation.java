package coursekit.augment;

import coursekit.data.ImageSet;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Applies an {@link Augmenter}'s draws to images: each image's seed from the augmenter's seed, the
 * epoch and its index, one geometric pass and then the pixel-level steps, into a byte image or a slot
 * of a float batch, with per-thread buffers and images in parallel where that pays.
 */
final class BatchAugmentation {

    /** Below this many pixels in a batch a parallel stream costs more than it saves. */
    private static final long PARALLEL_PIXELS = 1 << 14;

    private static final long CROP_STREAM = 0x43524f50L;
    private static final long NOISE_STREAM = 0x4e4f4953L;

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private final AugmenterSettings settings;
    private final RandomGeometry geometry;
    private final RandomPixelSteps pixelSteps;
    private final long seed;

    BatchAugmentation(AugmenterSettings settings, long seed) {
        this.settings = settings;
        this.geometry = new RandomGeometry(settings);
        this.pixelSteps = new RandomPixelSteps(settings);
        this.seed = seed;
    }

    /** The geometric transform drawn for image {@code index} of size {@code height x width} in {@code epoch}. */
    AffineTransform randomTransform(int height, int width, long epoch, int index) {
        return geometry.drawTransform(new SplittableRandom(imageSeed(seed, epoch, index)), height, width);
    }

    /** Runs {@code action} for 0 to {@code count}-1, in parallel when the batch has enough {@code pixels}. */
    static void forEachImage(int count, long pixels, IntConsumer action) {
        IntStream range = IntStream.range(0, count);
        // Each image draws from its own seed and writes its own slice, so threads cannot change the result.
        if (count > 1 && pixels >= PARALLEL_PIXELS) {
            range = range.parallel();
        }
        range.forEach(action);
    }

    /** Image {@code index} augmented with the draws of {@code key} in {@code epoch}, rounded to bytes at {@code offset} of {@code out}. */
    void toBytes(ImageSet images, int index, int key, long epoch, byte[] out, int offset) {
        int bytes = images.imageBytes();
        Scratch scratch = SCRATCH.get();
        float[] target = scratch.output(bytes);
        augmentInto(images, index, key, epoch, scratch, target, 0, images.channels(), 1, 1f);
        Warp.toBytes(target, bytes, out, offset);
    }

    /** Image {@code index} augmented for {@code epoch}, channel first and multiplied by {@code scale}, at {@code offset} of {@code out}. */
    void toChannelsFirst(ImageSet images, int index, long epoch, float[] out, int offset, float scale) {
        int plane = images.height() * images.width();
        augmentInto(images, index, index, epoch, SCRATCH.get(), out, offset, 1, plane, scale);
    }

    /** Augments image {@code index} with the draws of {@code key} and writes it at {@code offset} of {@code target}. */
    private void augmentInto(ImageSet images, int index, int key, long epoch, Scratch scratch,
            float[] target, int offset, int pixelStride, int channelStride, float scale) {
        int h = images.height();
        int w = images.width();
        int c = images.channels();
        byte[] source = scratch.source(images.imageBytes());
        images.copyImage(index, source, 0);
        long imageSeed = imageSeed(seed, epoch, key);
        SplittableRandom random = new SplittableRandom(imageSeed);
        AffineTransform transform = geometry.drawTransform(random, h, w);
        // The pixel-level draws always follow the eight geometric ones, so that turning one transform
        // on or off never changes what the others draw.
        RandomPixelSteps.Draws draws = RandomPixelSteps.draw(random);

        double[] matrix = transform.isIdentity() ? null : transform.matrix(h, w);
        if (geometry.crops()) {
            double[] crop = geometry.drawCrop(new SplittableRandom(mix(imageSeed ^ CROP_STREAM)), h, w);
            matrix = matrix == null ? crop : AffineTransform.multiply(crop, matrix);
        }
        if (!pixelSteps.any()) {
            geometric(source, h, w, c, matrix, target, offset, pixelStride, channelStride, scale);
            return;
        }
        float[] work = scratch.work(h * w * c);
        geometric(source, h, w, c, matrix, work, 0, c, 1, 1f);
        pixelSteps.apply(work, h, w, c, draws, scratch::spare, mix(imageSeed ^ NOISE_STREAM));
        Warp.store(work, h, w, c, target, offset, pixelStride, channelStride, scale);
    }

    private void geometric(byte[] source, int h, int w, int c, double[] matrix, float[] target, int offset,
            int pixelStride, int channelStride, float scale) {
        if (matrix == null) {
            Warp.convert(source, h, w, c, target, offset, pixelStride, channelStride, scale);
        } else {
            Warp.affine(source, h, w, c, matrix, settings.fillMode, (float) settings.cval, settings.interpolationOrder,
                    target, offset, pixelStride, channelStride, scale);
        }
    }

    static long imageSeed(long seed, long epoch, long index) {
        long h = mix(seed + 0x9E3779B97F4A7C15L);
        h = mix(h ^ (epoch * 0xC2B2AE3D27D4EB4FL + 0x165667B19E3779F9L));
        return mix(h ^ (index * 0xD6E8FEB86659FD93L + 0x27D4EB2F165667C5L));
    }

    /** A 64-bit finaliser (Stafford's mix 13), so that neighbouring seeds, epochs and indices give unrelated streams. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Per-thread buffers, so that augmenting a batch allocates only its result. */
    private static final class Scratch {
        private byte[] source = new byte[0];
        private float[] work = new float[0];
        private float[] spare = new float[0];
        private float[] output = new float[0];

        byte[] source(int size) {
            if (source.length < size) {
                source = new byte[size];
            }
            return source;
        }

        float[] work(int size) {
            if (work.length < size) {
                work = new float[size];
            }
            return work;
        }

        float[] spare(int size) {
            if (spare.length < size) {
                spare = new float[size];
            }
            return spare;
        }

        float[] output(int size) {
            if (output.length < size) {
                output = new float[size];
            }
            return output;
        }
    }
}
