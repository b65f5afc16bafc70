package coursekit.data;

import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.PhantomReference;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Image files decoded at one target size when an image is first asked for, with the decoded bytes kept in a
 * cache whose size is capped for the whole JVM, so that memory does not grow with the number of files.
 *
 * <p>The cap is {@value #DEFAULT_CACHE_MB} MiB unless the system property {@value #CACHE_PROPERTY} says another
 * number of MiB (0 turns caching off). The lecture's 4,000 photos at 150x150 take 270 MB, so they are decoded once
 * and then served from memory; of a folder of 25,000 photos the first 7,953 decoded stay cached and the others
 * are decoded again whenever a batch needs them.
 */
final class PhotoStore {

    /** The system property that sets the cache cap in MiB. */
    static final String CACHE_PROPERTY = "coursekit.imageCacheMb";
    static final long DEFAULT_CACHE_MB = 512;

    private static final AtomicLong CACHED_BYTES = new AtomicLong();
    /**
     * Stores no longer reachable, whose share of the cap {@link #reclaim()} gives back. A queue polled by the stores
     * themselves rather than a {@code Cleaner}, whose thread would outlive every notebook that read photos (and a
     * grader stops a submission's threads before its tests).
     */
    private static final ReferenceQueue<PhotoStore> GONE = new ReferenceQueue<>();
    private static final Set<Share> SHARES = ConcurrentHashMap.newKeySet();

    private final List<Path> files;
    private final int height;
    private final int width;
    private final AtomicReferenceArray<byte[]> cache;
    private final AtomicLong held;

    PhotoStore(List<Path> files, int height, int width) {
        this.files = List.copyOf(files);
        this.height = height;
        this.width = width;
        this.cache = new AtomicReferenceArray<>(files.size());
        AtomicLong mine = new AtomicLong();
        this.held = mine;
        reclaim();
        SHARES.add(new Share(this, mine));
    }

    /** A store's bytes in the cache, kept apart from the store so that they can be given back after it is gone. */
    private static final class Share extends PhantomReference<PhotoStore> {
        private final AtomicLong bytes;

        Share(PhotoStore store, AtomicLong bytes) {
            super(store, GONE);
            this.bytes = bytes;
        }
    }

    /** Gives back the share of the cap of every store collected since the last call. */
    private static void reclaim() {
        for (Reference<? extends PhotoStore> gone = GONE.poll(); gone != null; gone = GONE.poll()) {
            Share share = (Share) gone;
            SHARES.remove(share);
            CACHED_BYTES.addAndGet(-share.bytes.get());
        }
    }

    int height() {
        return height;
    }

    int width() {
        return width;
    }

    Path file(int slot) {
        return files.get(slot);
    }

    /** The same files at another size, with a cache of its own. */
    PhotoStore resized(int newHeight, int newWidth) {
        return new PhotoStore(files, newHeight, newWidth);
    }

    /** Copies the decoded image in {@code slot} into {@code target} at {@code offset}, decoding it if needed. */
    void copy(int slot, byte[] target, int offset) {
        byte[] image = cache.get(slot);
        if (image == null) {
            image = PhotoDecoder.decode(files.get(slot), height, width);
            keep(slot, image);
        }
        System.arraycopy(image, 0, target, offset, image.length);
    }

    /** Bytes of decoded images that this store holds. */
    long heldBytes() {
        return held.get();
    }

    /** Bytes of decoded images that all stores hold right now. */
    static long cachedBytes() {
        reclaim();
        return CACHED_BYTES.get();
    }

    static long capBytes() {
        String value = System.getProperty(CACHE_PROPERTY);
        long mb = DEFAULT_CACHE_MB;
        if (value != null && !value.isBlank()) {
            try {
                mb = Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                throw new DatasetException("-D" + CACHE_PROPERTY + "=" + value + " is not a whole number of MiB; give e.g. 512, "
                        + "or 0 to decode every image each time it is used.");
            }
        }
        return Math.max(0, mb) * 1024 * 1024;
    }

    private void keep(int slot, byte[] image) {
        reclaim();
        long bytes = image.length;
        if (CACHED_BYTES.addAndGet(bytes) <= capBytes() && cache.compareAndSet(slot, null, image)) {
            held.addAndGet(bytes);
        } else {
            CACHED_BYTES.addAndGet(-bytes);
        }
    }

    /** Feeds the bytes of the file in {@code slot} to {@code sha}, so that digests change when a file does. */
    void digest(int slot, MessageDigest sha) {
        Path file = files.get(slot);
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new DatasetException(file + " cannot be read (" + e + "); check that it still exists and is readable.", e);
        }
    }
}
