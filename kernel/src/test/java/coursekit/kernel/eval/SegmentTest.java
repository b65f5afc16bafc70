package coursekit.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentTest {

    @Test
    void codeWithoutMagicsIsOneSegment() {
        assertEquals(List.of(new Segment(false, "int x = 1;\nx", 0)), Segment.split("int x = 1;\nx"));
    }

    @Test
    void magicLinesSplitTheCodeAndKeepTheirOffsets() {
        String cell = "%maven a:b:1\nint x = 1;\n%jars lib/*.jar\nx";
        assertEquals(List.of(
                new Segment(true, "%maven a:b:1", 0),
                new Segment(false, "int x = 1;\n", 13),
                new Segment(true, "%jars lib/*.jar", 24),
                new Segment(false, "x", 40)), Segment.split(cell));
    }

    @Test
    void indentedPercentIsCodeNotAMagic() {
        assertEquals(1, Segment.split("int r = 7\n  % 3;").size());
    }
}
