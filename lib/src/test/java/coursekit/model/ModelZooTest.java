package coursekit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class ModelZooTest {

    @Test
    void leNet5HasThePapersParameterCount() {
        // C1 6*(25+1) + C3 16*(6*25+1) + C5 400*120+120 + F6 120*84+84 + output 84*10+10
        try (Network net = Models.leNet5(new long[] {1, 32, 32}, 10)) {
            assertEquals(156 + 2_416 + 48_120 + 10_164 + 850, net.parameterCount());
        }
    }

    @Test
    void leNet5RefusesImagesTooSmallForItsTwoStages() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Models.leNet5(new long[] {1, 8, 8}, 10));
        assertEquals("LeNet-5 needs an input shape {channels, height, width} with sides of at least 16 pixels, but got [1, 8, 8].",
                error.getMessage());
    }

    @Test
    void theZooCountsEachPresetAsKerasDoes() {
        Table zoo = ModelZoo.table();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int row = 0; row < zoo.rowCount(); row++) {
            counts.put(zoo.stringColumn("model").get(row), zoo.longColumn("parameters").get(row));
        }
        assertEquals(61_706L, counts.get("LeNet-5"));
        assertEquals(3_453_121L, counts.get("lecture CNN"));
        assertEquals(466_426L, counts.get("ResNet-32")); // 464,154 trainable and 2,272 moving statistics
        assertEquals(475_544L, counts.get("MobileNet v1 0.25"));
        assertEquals(2_601_976L, counts.get("MobileNet v1 0.75"));
        assertEquals(4_253_864L, counts.get("MobileNet v1 1.0"));
        assertEquals(138_357_544L, counts.get("VGG16"));
        assertEquals(7, zoo.rowCount());
    }
}
