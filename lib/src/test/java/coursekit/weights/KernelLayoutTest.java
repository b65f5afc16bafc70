package coursekit.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KernelLayoutTest {

    /** A tensor whose every value encodes its Keras index, so a moved value tells where it came from. */
    private static WeightTensor indexed(long... shape) {
        float[] values = new float[(int) WeightTensor.sizeOf(shape)];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        return new WeightTensor("k", shape, values);
    }

    @Test
    void convKernelsMoveFromHwioToOihw() {
        int h = 3, w = 2, in = 4, out = 5;
        WeightTensor converted = KernelLayout.conv2d(indexed(h, w, in, out));
        assertArrayEquals(new long[] {out, in, h, w}, converted.shape());
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int i = 0; i < in; i++) {
                    for (int o = 0; o < out; o++) {
                        float keras = ((y * w + x) * in + i) * out + o;
                        assertEquals(keras, converted.values()[((o * in + i) * h + y) * w + x]);
                    }
                }
            }
        }
    }

    @Test
    void depthwiseKernelsBecomeOneFilterPerGroupInTensorFlowsChannelOrder() {
        int h = 3, w = 3, in = 4, multiplier = 2;
        WeightTensor converted = KernelLayout.depthwise(indexed(h, w, in, multiplier));
        assertArrayEquals(new long[] {in * multiplier, 1, h, w}, converted.shape());
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int i = 0; i < in; i++) {
                    for (int m = 0; m < multiplier; m++) {
                        float keras = ((y * w + x) * in + i) * multiplier + m;
                        assertEquals(keras, converted.values()[((i * multiplier + m) * h + y) * w + x]);
                    }
                }
            }
        }
    }

    @Test
    void denseKernelsAreTransposed() {
        WeightTensor converted = KernelLayout.dense(indexed(3, 2));
        assertArrayEquals(new long[] {2, 3}, converted.shape());
        assertArrayEquals(new float[] {0, 2, 4, 1, 3, 5}, converted.values());
    }

    @Test
    void aOneByOneConvolutionKernelIsADenseKernel() {
        WeightTensor converted = KernelLayout.dense(indexed(1, 1, 3, 2));
        assertArrayEquals(new long[] {2, 3}, converted.shape());
        assertArrayEquals(new float[] {0, 2, 4, 1, 3, 5}, converted.values());
    }

    @Test
    void kerasShapesOfDjlWeights() {
        assertArrayEquals(new long[] {3, 3, 16, 32}, KernelLayout.kerasConv2dShape(new long[] {32, 16, 3, 3}));
        assertArrayEquals(new long[] {3, 3, 8, 2}, KernelLayout.kerasDepthwiseShape(new long[] {16, 1, 3, 3}, 8));
        assertArrayEquals(new long[] {256, 1000}, KernelLayout.kerasDenseShape(new long[] {1000, 256}));
    }

    @Test
    void aKernelOfTheWrongRankNamesItsShape() {
        WeightsException error = assertThrows(WeightsException.class, () -> KernelLayout.conv2d(indexed(3, 3, 4)));
        assertTrue(error.getMessage().contains("(3, 3, 4)"), error.getMessage());
        assertEquals("(64,)", WeightTensor.describe(new long[] {64}));
    }
}
