package coursekit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import coursekit.data.ImageSet;
import coursekit.model.Head;
import java.util.List;
import org.junit.jupiter.api.Test;

class SamplesTest {

    private static final ImageSet THREE_CLASSES =
            ImageSet.of(new byte[5 * 2 * 2], new int[] {2, 0, 1, 1, 0}, 2, 2, 1, List.of("a", "b", "c"));
    private static final ImageSet TWO_CLASSES =
            ImageSet.of(new byte[4 * 2 * 2], new int[] {1, 0, 0, 1}, 2, 2, 1, List.of("cat", "dog"));

    @Test
    void labelsForASigmoidHeadAreAColumnOfFloats() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray labels = Samples.of(TWO_CLASSES).labels(manager, new int[] {3, 1, 0}, Head.SIGMOID);
            assertEquals(new Shape(3, 1), labels.getShape());
            assertEquals(DataType.FLOAT32, labels.getDataType());
            assertArrayEquals(new float[] {1, 0, 1}, labels.toFloatArray());
        }
    }

    @Test
    void labelsForASoftmaxHeadAreClassIndices() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray labels = Samples.of(THREE_CLASSES).labels(manager, new int[] {0, 4, 2}, Head.SOFTMAX);
            assertEquals(new Shape(3), labels.getShape());
            assertEquals(DataType.INT32, labels.getDataType());
            assertArrayEquals(new int[] {2, 0, 1}, labels.toIntArray());
        }
    }
}
