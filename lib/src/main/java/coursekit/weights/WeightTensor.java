package coursekit.weights;

import java.util.Arrays;

/**
 * One named array of pretrained weights as a file stores it: its name (e.g.
 * {@code block1_conv1/kernel:0}), its shape in the file's layout and its float values in row-major
 * order.
 */
public final class WeightTensor {

    private final String name;
    private final long[] shape;
    private final float[] values;

    /**
     * Wraps {@code values} (not copied) under {@code name} with {@code shape}.
     *
     * @throws IllegalArgumentException when the shape's size differs from the number of values
     */
    public WeightTensor(String name, long[] shape, float[] values) {
        long size = sizeOf(shape);
        if (size != values.length) {
            throw new IllegalArgumentException("Weight '" + name + "' has shape " + describe(shape) + " (" + size
                    + " values) but " + values.length + " values were given.");
        }
        this.name = name;
        this.shape = shape.clone();
        this.values = values;
    }

    public String name() {
        return name;
    }

    /** The last part of the name without Keras's {@code :0} suffix: {@code kernel}, {@code gamma}, ... */
    public String shortName() {
        String last = name.substring(name.lastIndexOf('/') + 1);
        int colon = last.indexOf(':');
        return colon < 0 ? last : last.substring(0, colon);
    }

    public long[] shape() {
        return shape.clone();
    }

    /** Number of dimensions. */
    public int rank() {
        return shape.length;
    }

    /** The values in row-major order; the array itself, so do not change it. */
    public float[] values() {
        return values;
    }

    /** Number of values. */
    public int size() {
        return values.length;
    }

    /** The same values under another shape of the same size. */
    public WeightTensor reshape(long... newShape) {
        return new WeightTensor(name, newShape, values);
    }

    /** A shape as Keras prints it: {@code (3, 3, 3, 64)}, {@code (64,)}. */
    public static String describe(long[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        StringBuilder text = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            text.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return text.append(')').toString();
    }

    static long sizeOf(long[] shape) {
        long size = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("A weight shape cannot have a negative dimension: " + Arrays.toString(shape) + ".");
            }
            size = Math.multiplyExact(size, d);
        }
        return size;
    }

    @Override
    public String toString() {
        return name + " " + describe(shape);
    }
}
