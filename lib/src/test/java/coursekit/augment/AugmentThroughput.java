package coursekit.augment;

import coursekit.data.ImageSet;
import java.util.Locale;

/**
 * Prints how many images per second a random affine transform plus flip runs at, at 150x150 and
 * 32x32, for the float batches fit uses and for byte images. A main, not a test: run it with
 * {@code java -cp lib/target/classes:lib/target/test-classes coursekit.augment.AugmentThroughput}
 * (add {@code -Djava.util.concurrent.ForkJoinPool.common.parallelism=1} for one core).
 */
public final class AugmentThroughput {

    private static final int BATCH = 32;

    private AugmentThroughput() {}

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        Augmenter augmenter = Augmenter.builder().rotationRange(40).widthShiftRange(0.2).heightShiftRange(0.2)
                .shearRange(10).zoomRange(0.2).horizontalFlip(true).fillMode(FillMode.NEAREST).seed(1).build();
        System.out.printf(Locale.ROOT, "%s%ncores: %d%n", augmenter, Runtime.getRuntime().availableProcessors());
        for (int size : new int[] {150, 32}) {
            ImageSet images = Images.noise(size == 150 ? 256 : 4096, size, size, 7);
            // A first round lets the JIT compile the loops before anything is timed.
            run(images, augmenter, Math.min(seconds, 1), true);
            run(images, augmenter, Math.min(seconds, 1), false);
            System.out.printf(Locale.ROOT, "%dx%d float CHW batches of %d (fit's path): %,.0f images/s%n", size, size, BATCH,
                    run(images, augmenter, seconds, true));
            System.out.printf(Locale.ROOT, "%dx%d byte images, batches of %d:            %,.0f images/s%n", size, size, BATCH,
                    run(images, augmenter, seconds, false));
        }
    }

    /** Augments batches of {@link #BATCH} for about {@code seconds}; returns images per second. */
    private static double run(ImageSet images, Augmenter augmenter, double seconds, boolean floats) {
        int[] indices = new int[BATCH];
        long done = 0;
        long checksum = 0;
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        int epoch = 0;
        while (System.nanoTime() < end) {
            for (int first = 0; first + BATCH <= images.size(); first += BATCH) {
                for (int i = 0; i < BATCH; i++) {
                    indices[i] = first + i;
                }
                if (floats) {
                    checksum += (long) augmenter.channelsFirst(images, indices, epoch, 1f / 255)[first % 100];
                } else {
                    checksum += augmenter.augment(images.subset(indices), epoch).pixel(0, 0, 0, 0);
                }
                done += BATCH;
            }
            epoch++;
        }
        double rate = done / ((System.nanoTime() - start) / 1e9);
        // Using the results keeps the JIT from skipping the work.
        return checksum == Long.MIN_VALUE ? -1 : rate;
    }
}
