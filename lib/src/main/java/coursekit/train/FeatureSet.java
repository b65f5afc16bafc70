package coursekit.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import coursekit.augment.Augmenter;
import coursekit.data.Batches;
import java.util.Arrays;
import java.util.List;

/**
 * Features that a frozen network computed for labelled images, kept as floats so that a small
 * head trains on them in a fraction of a second per epoch (the lecture's "fast feature extraction").
 * Made by {@link Features#extract}.
 */
public final class FeatureSet implements Samples {

    private final float[] values;
    private final long[] featureShape;
    private final int[] labels;
    private final List<String> classNames;
    private final int stride;

    FeatureSet(float[] values, long[] featureShape, int[] labels, List<String> classNames) {
        this.featureShape = featureShape.clone();
        this.stride = (int) Arrays.stream(featureShape).reduce(1, (a, b) -> a * b);
        if (values.length != (long) stride * labels.length) {
            throw new IllegalArgumentException(labels.length + " samples of shape " + Arrays.toString(featureShape)
                    + " need " + (long) stride * labels.length + " values, but got " + values.length + ".");
        }
        this.values = values;
        this.labels = labels;
        this.classNames = List.copyOf(classNames);
    }

    /**
     * Wraps features computed elsewhere, e.g. by a network on another engine; the arrays are copied.
     *
     * @param values {@code labels.length} samples of {@code featureShape} floats, one after another
     */
    public static FeatureSet of(float[] values, long[] featureShape, int[] labels, List<String> classNames) {
        return new FeatureSet(values.clone(), featureShape, labels.clone(), classNames);
    }

    @Override
    public int size() {
        return labels.length;
    }

    /** The shape of one sample's features, e.g. {256} after global pooling or {512, 4, 4} before. */
    public long[] featureShape() {
        return featureShape.clone();
    }

    @Override
    public long[] inputShape() {
        return featureShape();
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    public int numClasses() {
        return classNames.size();
    }

    @Override
    public int label(int index) {
        return labels[index];
    }

    /** Sample {@code index}'s features, a copy. */
    public float[] features(int index) {
        return Arrays.copyOfRange(values, index * stride, (index + 1) * stride);
    }

    /** The samples at {@code indices}, in that order, e.g. the few a replay memory keeps. */
    public FeatureSet subset(int... indices) {
        float[] out = new float[indices.length * stride];
        int[] newLabels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            java.util.Objects.checkIndex(indices[i], labels.length);
            System.arraycopy(values, indices[i] * stride, out, i * stride, stride);
            newLabels[i] = labels[indices[i]];
        }
        return new FeatureSet(out, featureShape, newLabels, classNames);
    }

    /** The samples of several sets one after another; the sets must have the same feature shape and class names. */
    public static FeatureSet concat(List<FeatureSet> sets) {
        if (sets.isEmpty()) {
            throw new IllegalArgumentException("FeatureSet.concat needs at least one set, but got none.");
        }
        FeatureSet first = sets.get(0);
        int total = 0;
        for (FeatureSet set : sets) {
            if (!Arrays.equals(set.featureShape, first.featureShape) || !set.classNames.equals(first.classNames)) {
                throw new IllegalArgumentException("Only features of the same shape and classes can be joined, but " + first + " and "
                        + set + " differ.");
            }
            total += set.size();
        }
        float[] out = new float[total * first.stride];
        int[] newLabels = new int[total];
        int next = 0;
        for (FeatureSet set : sets) {
            System.arraycopy(set.values, 0, out, next * first.stride, set.values.length);
            System.arraycopy(set.labels, 0, newLabels, next, set.size());
            next += set.size();
        }
        return new FeatureSet(out, first.featureShape, newLabels, first.classNames);
    }

    float[] rawValues() {
        return values;
    }

    int[] rawLabels() {
        return labels;
    }

    @Override
    public NDArray inputs(NDManager manager, int[] indices) {
        float[] batch = new float[indices.length * stride];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(values, indices[i] * stride, batch, i * stride, stride);
        }
        long[] shape = new long[featureShape.length + 1];
        shape[0] = indices.length;
        System.arraycopy(featureShape, 0, shape, 1, featureShape.length);
        return Batches.array(manager, batch, new Shape(shape));
    }

    @Override
    public NDArray augmentedInputs(NDManager manager, int[] indices, Augmenter augmenter, long epoch) {
        throw new IllegalArgumentException("Features cannot be augmented: they were computed once from the original images. "
                + "Train end to end on images (the frozen base inside the model) to use augmentation.");
    }

    @Override
    public String kind() {
        return "features";
    }

    @Override
    public String toString() {
        return "FeatureSet[" + size() + " samples of shape " + Arrays.toString(featureShape) + ", classes " + classNames + "]";
    }
}
