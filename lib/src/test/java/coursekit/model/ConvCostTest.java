package coursekit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ConvCostTest {

    @Test
    void theCourseNotesExampleCountedByHand() {
        // 12x12x3 input, 5x5 kernel, 256 filters, no padding: an 8x8x256 output.
        ConvCost standard = ConvCost.standard(5, 3, 256, 8, 8);
        assertEquals(5 * 5 * 3 * 256 + 256, standard.parameters());
        assertEquals(5L * 5 * 3 * 256 * 8 * 8, standard.multiplyAdds());
        ConvCost separable = ConvCost.depthwiseSeparable(5, 3, 256, 8, 8);
        assertEquals((5 * 5 * 3 + 3) + (3 * 256 + 256), separable.parameters());
        assertEquals(5L * 5 * 3 * 8 * 8 + 3L * 256 * 8 * 8, separable.multiplyAdds());
        assertEquals((double) separable.multiplyAdds() / standard.multiplyAdds(), ConvCost.reduction(5, 256), 1e-12);
    }

    @Test
    void matchesTheParameterCountOfTheLibrarysOwnLayers() {
        // MobileNet's conv_dw_1 + conv_pw_1 at width 1.0 (no biases there, batch norm instead): 3·3·32 + 32·64.
        ConvCost separable = ConvCost.depthwiseSeparable(3, 32, 64, 112, 112);
        assertEquals(3 * 3 * 32 + 32 * 64, separable.parameters() - 32 - 64);
        assertEquals(2, ConvCost.compare(3, 32, 64, 112, 112).rowCount());
    }

    @Test
    void refusesSizesBelowOne() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> ConvCost.standard(3, 0, 8, 4, 4));
        assertEquals("Every size of a convolution must be at least 1, but got kernel=3, in=0, out=8, output 4x4.", error.getMessage());
    }
}
