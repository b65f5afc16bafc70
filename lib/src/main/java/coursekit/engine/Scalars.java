package coursekit.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * A Java number times, over or against an array, for computations that autograd differentiates.
 *
 * <p>On DJL's PyTorch engine, {@code array.mul(2f)} wraps the number in a tensor that points into a direct Java
 * buffer (PyTorch's {@code from_blob}, no copy) and closes that tensor right after the product. The backward pass of
 * a product, a quotient or a maximum reads the number again, but by then nothing in Java holds the buffer: a garbage
 * collection between the forward and the backward pass frees it, and the gradient is scaled by whatever the freed
 * memory holds (1.4e-45, -2.4e30, ...). Whether a collection falls there depends on the machine's load, so a run
 * changes from one try to the next. The scalars made here live in memory that PyTorch allocates and counts, which the
 * recorded graph keeps alive until the backward pass. Adding or subtracting a number is safe: their backward passes
 * do not read it.
 */
public final class Scalars {

    private Scalars() {}

    /** {@code value} as a 0-dimensional array of {@code like}'s type on its device, in memory the engine owns. */
    public static NDArray of(NDArray like, double value) {
        NDArray scalar = like.getManager().full(new Shape(), (float) value, like.getDataType());
        return like.getDevice().equals(scalar.getDevice()) ? scalar : scalar.toDevice(like.getDevice(), false);
    }

    /** {@code x * value}, differentiable in {@code x}. */
    public static NDArray mul(NDArray x, double value) {
        try (NDArray scalar = of(x, value)) {
            return x.mul(scalar);
        }
    }

    /** {@code x / value}, differentiable in {@code x}. */
    public static NDArray div(NDArray x, double value) {
        try (NDArray scalar = of(x, value)) {
            return x.div(scalar);
        }
    }

    /** The larger of each element of {@code x} and {@code value}, differentiable in {@code x}. */
    public static NDArray maximum(NDArray x, double value) {
        try (NDArray scalar = of(x, value)) {
            return x.maximum(scalar);
        }
    }
}
