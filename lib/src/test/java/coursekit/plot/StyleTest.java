package coursekit.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StyleTest {

    @Test
    void xLabelStepIsTheSmallestRoundStepGivingAtMostTenLabels() {
        assertEquals(1, Style.labelStep(4));
        assertEquals(1, Style.labelStep(10));
        assertEquals(2, Style.labelStep(11));
        assertEquals(5, Style.labelStep(30));
        assertEquals(20, Style.labelStep(150));
    }
}
