package coursekit.tensorflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class InputScalingTest {

    private static float[] scale(InputScaling scaling, byte... pixel) {
        float[] out = new float[pixel.length + 1];
        scaling.scale(pixel, pixel.length, out, 1);
        return out;
    }

    @Test
    void caffeReversesToBgrAndSubtractsTheImageNetMeans() {
        assertArrayEquals(new float[] {0, 30 - 103.939f, 20 - 116.779f, 200 - 123.68f},
                scale(InputScaling.CAFFE, (byte) 200, (byte) 20, (byte) 30), 1e-4f);
    }

    @Test
    void tfMapsPixelsToMinusOneToOne() {
        assertArrayEquals(new float[] {0, -1f, 1f, 0.00392f}, scale(InputScaling.TF, (byte) 0, (byte) 255, (byte) 128), 1e-4f);
    }

    @Test
    void unitAndPixelsKeepTheChannelOrder() {
        assertArrayEquals(new float[] {0, 1f, 0.2f}, scale(InputScaling.UNIT, (byte) 255, (byte) 51), 1e-6f);
        assertArrayEquals(new float[] {0, 255f, 51f}, scale(InputScaling.PIXELS, (byte) 255, (byte) 51), 1e-6f);
    }

    @Test
    void caffeRefusesGreyImages() {
        assertThrows(SavedModelException.class, () -> scale(InputScaling.CAFFE, (byte) 1));
    }
}
