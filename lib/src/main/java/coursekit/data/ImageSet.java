package coursekit.data;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Labelled images as unsigned bytes, one image after another in height-width-channel order (the layout of
 * CIFAR, IDX and decoded PNGs): held in memory, or photo files decoded when an image is asked for
 * ({@link ImageFolder#photos}), which {@link #inMemory()} turns into the former.
 *
 * <p>An {@code ImageSet} is immutable: {@link #subset}, {@link #resize} and {@link #split}
 * return new sets and leave this one as it is. Subsets and splits of a photo set stay photo sets, so
 * taking 64 photos of a folder of 25,000 decodes only those 64.
 */
public final class ImageSet {

    /** The pixels of an in-memory set; null for a photo set. */
    private final byte[] pixels;
    /** The files of a photo set and, per image, its slot there; null for an in-memory set. */
    private final PhotoStore photos;
    private final int[] slots;
    private final int[] labels;
    private final int height;
    private final int width;
    private final int channels;
    private final List<String> classNames;
    /** The last photo that {@link #pixel} decoded, so that reading one image pixel by pixel decodes it once. */
    private volatile Object[] lastPhoto = {-1, null};

    private ImageSet(byte[] pixels, int[] labels, int height, int width, int channels, List<String> classNames) {
        this(pixels, null, null, labels, height, width, channels, classNames);
    }

    private ImageSet(byte[] pixels, PhotoStore photos, int[] slots, int[] labels, int height, int width, int channels,
            List<String> classNames) {
        this.pixels = pixels;
        this.photos = photos;
        this.slots = slots;
        this.labels = labels;
        this.height = height;
        this.width = width;
        this.channels = channels;
        this.classNames = List.copyOf(classNames);
    }

    /** A photo set: image {@code i} is file {@code i} of {@code photos}, decoded at the store's size when used. */
    static ImageSet photos(PhotoStore photos, int[] labels, List<String> classNames) {
        int[] slots = new int[labels.length];
        Arrays.setAll(slots, i -> i);
        validate(null, labels, photos.height(), photos.width(), 3, classNames);
        return new ImageSet(null, photos, slots, labels, photos.height(), photos.width(), 3, classNames);
    }

    /**
     * Wraps pixels and labels; the arrays are copied.
     *
     * @param pixels {@code labels.length * height * width * channels} bytes, each image in HWC order
     * @param labels class index of each image, in {@code [0, classNames.size())}
     */
    public static ImageSet of(byte[] pixels, int[] labels, int height, int width, int channels, List<String> classNames) {
        validate(pixels, labels, height, width, channels, classNames);
        return new ImageSet(pixels.clone(), labels.clone(), height, width, channels, classNames);
    }

    /**
     * Like {@link #of} but takes ownership of the arrays instead of copying them; the loaders use it
     * because a full dataset is large enough that a second copy matters. Callers must not touch the
     * arrays afterwards.
     */
    static ImageSet wrap(byte[] pixels, int[] labels, int height, int width, int channels, List<String> classNames) {
        validate(pixels, labels, height, width, channels, classNames);
        return new ImageSet(pixels, labels, height, width, channels, classNames);
    }

    private static void validate(byte[] pixels, int[] labels, int height, int width, int channels, List<String> classNames) {
        if (height <= 0 || width <= 0 || (channels != 1 && channels != 3)) {
            throw new IllegalArgumentException("An image must have a positive size and 1 or 3 channels, but got "
                    + height + "x" + width + "x" + channels + ".");
        }
        long expected = (long) labels.length * height * width * channels;
        if (pixels != null && pixels.length != expected) {
            throw new IllegalArgumentException(labels.length + " labels of " + height + "x" + width + "x" + channels
                    + " images need " + expected + " pixel bytes, but got " + pixels.length + ".");
        }
        if (classNames.isEmpty()) {
            throw new IllegalArgumentException("An image set needs at least one class name.");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classNames.size()) {
                throw new IllegalArgumentException("Label " + labels[i] + " of image " + i + " is outside the "
                        + classNames.size() + " classes " + classNames + ".");
            }
        }
    }

    /** Number of images. */
    public int size() {
        return labels.length;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    public int channels() {
        return channels;
    }

    /** Bytes of one image. */
    public int imageBytes() {
        return height * width * channels;
    }

    /** The image shape in DJL's channel-first order: {@code {channels, height, width}}. */
    public long[] imageShape() {
        return new long[] {channels, height, width};
    }

    public List<String> classNames() {
        return classNames;
    }

    public int numClasses() {
        return classNames.size();
    }

    public int label(int index) {
        return labels[index];
    }

    /** A copy of all labels. */
    public int[] labels() {
        return labels.clone();
    }

    /** Pixel {@code (row, col, channel)} of image {@code index}, 0-255. */
    public int pixel(int index, int row, int col, int channel) {
        int at = ((row * width) + col) * channels + channel;
        if (photos == null) {
            return pixels[index * imageBytes() + at] & 0xff;
        }
        Object[] last = lastPhoto;
        if ((int) last[0] != index) {
            byte[] image = new byte[imageBytes()];
            copyImage(index, image, 0);
            last = new Object[] {index, image};
            lastPhoto = last;
        }
        return ((byte[]) last[1])[at] & 0xff;
    }

    /** Copies image {@code index} (HWC bytes) into {@code target} at {@code offset}; a photo is decoded if not cached. */
    public void copyImage(int index, byte[] target, int offset) {
        if (photos == null) {
            System.arraycopy(pixels, index * imageBytes(), target, offset, imageBytes());
        } else {
            Objects.checkIndex(index, labels.length);
            photos.copy(slots[index], target, offset);
        }
    }

    /**
     * Copies the images at {@code indices} one after another into {@code target} from {@code offset}; photos are
     * decoded in parallel, which is how a batch of a photo set is read.
     */
    public void copyImages(int[] indices, byte[] target, int offset) {
        int bytes = imageBytes();
        if (photos == null || indices.length < 2) {
            for (int n = 0; n < indices.length; n++) {
                copyImage(indices[n], target, offset + n * bytes);
            }
            return;
        }
        IntStream.range(0, indices.length).parallel().forEach(n -> copyImage(indices[n], target, offset + n * bytes));
    }

    /** Whether the pixels are held in memory; false for a photo set, which decodes its files when used. */
    public boolean isInMemory() {
        return photos == null;
    }

    /** The file image {@code index} comes from in a photo set; empty for an in-memory set. */
    public Optional<Path> file(int index) {
        Objects.checkIndex(index, labels.length);
        return photos == null ? Optional.empty() : Optional.of(photos.file(slots[index]));
    }

    /**
     * This set with every image decoded into memory (in parallel); an in-memory set returns itself. Use it on a
     * small photo set that many epochs read, when the cache ({@code -Dcoursekit.imageCacheMb}) is too small.
     */
    public ImageSet inMemory() {
        if (photos == null) {
            return this;
        }
        int bytes = imageBytes();
        if ((long) size() * bytes > Integer.MAX_VALUE - 8) {
            throw new DatasetException(size() + " images of " + height + "x" + width + " are too many for one Java array; "
                    + "keep the photo set as it is (it decodes per batch) or take a subset first.");
        }
        byte[] out = new byte[size() * bytes];
        copyImages(IntStream.range(0, size()).toArray(), out, 0);
        return new ImageSet(out, labels, height, width, channels, classNames);
    }

    /** Number of images of each class, indexed by label. */
    public int[] classCounts() {
        int[] counts = new int[numClasses()];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /** The images at {@code indices}, in that order. */
    public ImageSet subset(int... indices) {
        if (photos != null) {
            int[] newSlots = new int[indices.length];
            int[] newLabels = new int[indices.length];
            for (int i = 0; i < indices.length; i++) {
                if (indices[i] < 0 || indices[i] >= size()) {
                    throw new IndexOutOfBoundsException("Image index " + indices[i] + " is outside 0.." + (size() - 1) + ".");
                }
                newSlots[i] = slots[indices[i]];
                newLabels[i] = labels[indices[i]];
            }
            return new ImageSet(null, photos, newSlots, newLabels, height, width, channels, classNames);
        }
        int bytes = imageBytes();
        byte[] newPixels = new byte[indices.length * bytes];
        int[] newLabels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            int index = indices[i];
            if (index < 0 || index >= size()) {
                throw new IndexOutOfBoundsException("Image index " + index + " is outside 0.." + (size() - 1) + ".");
            }
            System.arraycopy(pixels, index * bytes, newPixels, i * bytes, bytes);
            newLabels[i] = labels[index];
        }
        return new ImageSet(newPixels, newLabels, height, width, channels, classNames);
    }

    /**
     * The images whose class maps to a new one, relabelled: image {@code i} is kept when
     * {@code mapping[label(i)] >= 0} and gets that label; the others are left out. Continual-learning
     * scenarios use it to cut a dataset into experiences and to give classes the labels a network sees.
     *
     * @param mapping one entry per class of this set: the new label, or -1 to leave the class out
     * @param newClassNames the names of the new labels
     */
    public ImageSet remap(int[] mapping, List<String> newClassNames) {
        if (mapping.length != numClasses()) {
            throw new IllegalArgumentException("A label mapping needs one entry per class of this set (" + numClasses()
                    + "), but got " + mapping.length + ".");
        }
        int kept = 0;
        for (int label : labels) {
            if (mapping[label] >= 0) {
                kept++;
            }
        }
        if (photos != null) {
            int[] keep = IntStream.range(0, size()).filter(i -> mapping[labels[i]] >= 0).toArray();
            int[] newLabels = Arrays.stream(keep).map(i -> mapping[labels[i]]).toArray();
            validate(null, newLabels, height, width, channels, newClassNames);
            return new ImageSet(null, photos, Arrays.stream(keep).map(i -> slots[i]).toArray(), newLabels, height, width,
                    channels, newClassNames);
        }
        int bytes = imageBytes();
        byte[] newPixels = new byte[kept * bytes];
        int[] newLabels = new int[kept];
        int next = 0;
        for (int i = 0; i < labels.length; i++) {
            int target = mapping[labels[i]];
            if (target >= 0) {
                System.arraycopy(pixels, i * bytes, newPixels, next * bytes, bytes);
                newLabels[next++] = target;
            }
        }
        return wrap(newPixels, newLabels, height, width, channels, newClassNames);
    }

    /**
     * Every image with its pixels moved: pixel {@code p} (row-major, all channels together) of the result is pixel
     * {@code permutation[p]} of the original. Permuted MNIST uses one such shuffle per experience.
     */
    public ImageSet permutePixels(int[] permutation) {
        if (photos != null) {
            return inMemory().permutePixels(permutation);
        }
        byte[] out = PixelPermutation.apply(pixels, size(), height, width, channels, permutation);
        return new ImageSet(out, labels, height, width, channels, classNames);
    }

    /**
     * The images of several sets one after another; the sets must have the same image size and the same
     * class names.
     */
    public static ImageSet concat(List<ImageSet> sets) {
        if (sets.isEmpty()) {
            throw new IllegalArgumentException("ImageSet.concat needs at least one set, but got none.");
        }
        if (sets.stream().anyMatch(set -> set.photos != null)) {
            return concat(sets.stream().map(ImageSet::inMemory).toList());
        }
        ImageSet first = sets.get(0);
        int total = 0;
        for (ImageSet set : sets) {
            if (set.height != first.height || set.width != first.width || set.channels != first.channels
                    || !set.classNames.equals(first.classNames)) {
                throw new IllegalArgumentException("Only sets of the same image size and classes can be joined, but "
                        + first + " and " + set + " differ.");
            }
            total += set.size();
        }
        int bytes = first.imageBytes();
        byte[] newPixels = new byte[total * bytes];
        int[] newLabels = new int[total];
        int next = 0;
        for (ImageSet set : sets) {
            System.arraycopy(set.pixels, 0, newPixels, next * bytes, set.size() * bytes);
            System.arraycopy(set.labels, 0, newLabels, next, set.size());
            next += set.size();
        }
        return new ImageSet(newPixels, newLabels, first.height, first.width, first.channels, first.classNames);
    }

    /** The first {@code count} images of each class, in their original order; fewer where a class has fewer. */
    public ImageSet firstPerClass(int count) {
        int[] taken = new int[numClasses()];
        return subset(IntStream.range(0, size()).filter(i -> taken[labels[i]]++ < count).toArray());
    }

    /** Every image resized to {@code newHeight x newWidth} with bilinear interpolation. */
    public ImageSet resize(int newHeight, int newWidth) {
        if (newHeight == height && newWidth == width) {
            return this;
        }
        if (photos != null) {
            // From the files themselves: one resampling of the original photo instead of two.
            return new ImageSet(null, photos.resized(newHeight, newWidth), slots, labels, newHeight, newWidth, channels, classNames);
        }
        byte[] out = Resize.bilinear(pixels, size(), height, width, channels, newHeight, newWidth);
        return new ImageSet(out, labels, newHeight, newWidth, channels, classNames);
    }

    /**
     * Splits into train, validation and test sets with the given fractions, class by class, so that
     * each part keeps the class balance. The same seed always gives the same split.
     *
     * @param train fraction for training, e.g. 0.5
     * @param validation fraction for validation
     * @param test fraction for testing; the three must sum to at most 1 (the rest is left out)
     */
    public Split split(double train, double validation, double test, long seed) {
        return Split.stratified(this, labels, train, validation, test, seed);
    }

    /**
     * A SHA-256 of the shape, labels, class names and pixels, in hex: equal sets give equal
     * digests, so caches of anything computed from the images can be keyed by it.
     */
    public String digest() {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            sha.update((height + "x" + width + "x" + channels + classNames).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            java.nio.ByteBuffer labelBytes = java.nio.ByteBuffer.allocate(labels.length * 4);
            labelBytes.asIntBuffer().put(labels);
            sha.update(labelBytes);
            if (photos == null) {
                sha.update(pixels);
            } else {
                for (int slot : slots) {
                    photos.digest(slot, sha);
                }
            }
            return java.util.HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("This Java runtime has no SHA-256.", e);
        }
    }

    @Override
    public String toString() {
        return "ImageSet[" + size() + " images " + height + "x" + width + "x" + channels + ", classes " + classNames + "]";
    }
}
