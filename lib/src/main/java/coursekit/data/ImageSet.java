package coursekit.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Labelled images held in memory as unsigned bytes, one image after another in
 * height-width-channel order (the layout of CIFAR, IDX and decoded PNGs).
 *
 * <p>An {@code ImageSet} is immutable: {@link #subset}, {@link #resize} and {@link #split}
 * return new sets and leave this one as it is.
 */
public final class ImageSet {

    private final byte[] pixels;
    private final int[] labels;
    private final int height;
    private final int width;
    private final int channels;
    private final List<String> classNames;

    private ImageSet(byte[] pixels, int[] labels, int height, int width, int channels, List<String> classNames) {
        this.pixels = pixels;
        this.labels = labels;
        this.height = height;
        this.width = width;
        this.channels = channels;
        this.classNames = List.copyOf(classNames);
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
        if (pixels.length != expected) {
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
        return pixels[((index * height + row) * width + col) * channels + channel] & 0xff;
    }

    /** Copies image {@code index} (HWC bytes) into {@code target} at {@code offset}. */
    public void copyImage(int index, byte[] target, int offset) {
        System.arraycopy(pixels, index * imageBytes(), target, offset, imageBytes());
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
        int bytes = imageBytes();
        for (int i = 0; i < size(); i++) {
            int base = i * bytes;
            for (int p = 0; p < area; p++) {
                System.arraycopy(pixels, base + permutation[p] * channels, out, base + p * channels, channels);
            }
        }
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
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
            if (taken[labels[i]]++ < count) {
                keep.add(i);
            }
        }
        return subset(keep.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Every image resized to {@code newHeight x newWidth} with bilinear interpolation. */
    public ImageSet resize(int newHeight, int newWidth) {
        if (newHeight == height && newWidth == width) {
            return this;
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
        double sum = train + validation + test;
        if (train <= 0 || validation < 0 || test < 0 || sum > 1.0 + 1e-9) {
            throw new IllegalArgumentException("Split fractions must be non-negative, train positive, and sum to at most 1, "
                    + "but got train=" + train + ", validation=" + validation + ", test=" + test + ".");
        }
        Random random = new Random(seed);
        List<Integer> trainIdx = new ArrayList<>();
        List<Integer> valIdx = new ArrayList<>();
        List<Integer> testIdx = new ArrayList<>();
        for (int c = 0; c < numClasses(); c++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < size(); i++) {
                if (labels[i] == c) {
                    members.add(i);
                }
            }
            java.util.Collections.shuffle(members, random);
            int n = members.size();
            // Rounding each part on its own can overshoot a small class (3 images at 0.5/0.5 rounds to 2 + 2),
            // so each part takes at most what the earlier parts left.
            int nTrain = Math.min(n, (int) Math.round(n * train));
            int nVal = Math.min(n - nTrain, (int) Math.round(n * validation));
            int nTest = Math.min(n - nTrain - nVal, (int) Math.round(n * test));
            trainIdx.addAll(members.subList(0, nTrain));
            valIdx.addAll(members.subList(nTrain, nTrain + nVal));
            testIdx.addAll(members.subList(nTrain + nVal, nTrain + nVal + nTest));
        }
        return new Split(subset(sortedArray(trainIdx)), subset(sortedArray(valIdx)), subset(sortedArray(testIdx)));
    }

    private static int[] sortedArray(List<Integer> indices) {
        int[] array = indices.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(array);
        return array;
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
            sha.update(pixels);
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
