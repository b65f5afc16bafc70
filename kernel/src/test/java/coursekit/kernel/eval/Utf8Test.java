package coursekit.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8Test {

    @Test
    void asciiIsCompleteAtEveryLength() {
        assertEquals(3, Utf8.completeLength("abc".getBytes(StandardCharsets.UTF_8), 3));
    }

    @Test
    void aCutThroughAMultiByteCharacterEndsBeforeIt() {
        byte[] bytes = "aé€".getBytes(StandardCharsets.UTF_8); // 1 + 2 + 3 bytes
        assertEquals(1, Utf8.completeLength(bytes, 2));
        assertEquals(3, Utf8.completeLength(bytes, 4));
        assertEquals(3, Utf8.completeLength(bytes, 5));
        assertEquals(6, Utf8.completeLength(bytes, 6));
    }
}
