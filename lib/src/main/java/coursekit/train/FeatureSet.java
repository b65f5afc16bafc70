package coursekit.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import coursekit.augment.Augmenter;
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
        return manager.create(batch, new Shape(shape));
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
