package coursekit.engine;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;

/**
 * A float32 array's own memory seen from Java, where the engine allows it: a tensor in CPU memory, dense and
 * contiguous. Reading and writing it needs no copy through JNI and no temporary array.
 */
public final class HostMemory {

    private HostMemory() {}

    /**
     * The floats of {@code array} in place, or null where the engine can only hand out a copy (a GPU array, a
     * strided view, a blocked layout) or the array is not float32: writes through the buffer change the array.
     */
    public static FloatBuffer floats(NDArray array) {
        if (array.getDataType() != DataType.FLOAT32 || !Device.cpu().equals(array.getDevice()) || array.isSparse() || array.size() == 0) {
            return null;
        }
        ByteBuffer first = array.toByteBuffer(true);
        if (!first.isDirect() || first.capacity() != array.size() * Float.BYTES) {
            return null;
        }
        // A copy would not see a write through another view of the same array.
        ByteBuffer second = array.toByteBuffer(true);
        int bits = first.getInt(0);
        first.putInt(0, ~bits);
        boolean shared = second.getInt(0) == ~bits;
        first.putInt(0, bits);
        return shared ? first.asFloatBuffer() : null;
    }
}
