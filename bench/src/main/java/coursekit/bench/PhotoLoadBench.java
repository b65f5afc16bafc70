package coursekit.bench;

import coursekit.augment.Augmenter;
import coursekit.data.Batches;
import coursekit.data.ImageFolder;
import coursekit.data.ImageSet;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a folder of photos (one sub-folder per class) the way {@code fit} reads a photo set: listed and header-checked
 * once, then decoded, resized and turned into float batches of 20, epoch after epoch; and reports images per second
 * and memory: the heap still in use after a garbage collection at the end of each epoch (what the data holds) and
 * the process's peak heap and resident size, so that folders of different sizes can be compared.
 *
 * <pre>
 * PhotoLoadBench FOLDER [--size 150] [--batch 20] [--epochs 2] [--augment 0|1]
 * </pre>
 *
 * <p>With {@code --augment 1} each batch goes through the lecture's augmentation ({@link Augmenter#lecture}), as
 * {@code fit} feeds an augmented run. Run with {@code -Dcoursekit.imageCacheMb=0} every epoch decodes again (reported as
 * {@code coursekit-uncached}), so that its second epoch is the decoding rate of a JVM that has warmed up.
 *
 * <p>Lines starting with {@code RESULT} are read by {@code bench/photo_load.sh}.
 */
public final class PhotoLoadBench {

    private PhotoLoadBench() {}

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]);
        int size = option(args, "--size", 150);
        int batch = option(args, "--batch", 20);
        int epochs = option(args, "--epochs", 2);
        Augmenter augmenter = option(args, "--augment", 0) == 1 ? Augmenter.lecture(42) : null;
        String side = augmenter != null ? "coursekit-augmented" : "0".equals(System.getProperty("coursekit.imageCacheMb")) ? "coursekit-uncached" : "coursekit";
        long started = System.nanoTime();
        ImageSet photos = ImageFolder.photos(folder, size, size);
        double listSeconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "RESULT %s photos=%d list_and_headers_s=%.2f%n", side, photos.size(), listSeconds);
        long checksum = 0;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            long epochStart = System.nanoTime();
            for (int[] indices : Batches.inOrder(photos.size(), batch)) {
                float[] values = augmenter == null ? Batches.channelsFirst(photos, indices)
                        : augmenter.channelsFirst(photos, indices, epoch);
                checksum += Float.floatToIntBits(values[values.length / 2]);
            }
            double seconds = (System.nanoTime() - epochStart) / 1e9;
            System.gc();
            long live = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
            System.out.printf(Locale.ROOT, "RESULT %s photos=%d epoch=%d images_per_s=%.1f seconds=%.1f live_heap_mb=%.0f%n",
                    side, photos.size(), epoch, photos.size() / seconds, seconds, live / 1048576.0);
        }
        System.out.printf(Locale.ROOT, "RESULT %s photos=%d peak_heap_mb=%.0f peak_rss_mb=%.0f checksum=%d%n", side, photos.size(),
                peakHeapBytes() / 1048576.0, peakRssKb() / 1024.0, checksum);
    }

    private static int option(String[] args, String name, int fallback) {
        for (int i = 1; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    /** The sum of the heap pools' peak usage, an upper bound on the peak heap in use. */
    private static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** The process's peak resident set size from /proc/self/status (VmHWM), in KiB. */
    private static long peakRssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
