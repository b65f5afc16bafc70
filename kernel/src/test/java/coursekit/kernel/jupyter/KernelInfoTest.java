package coursekit.kernel.jupyter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KernelInfoTest {

    @Test
    void replyHasStatusAndJavaLanguageInfo() {
        Map<String, Object> content = KernelInfo.content();
        assertEquals("ok", content.get("status"));
        assertEquals("5.3", content.get("protocol_version"));
        @SuppressWarnings("unchecked")
        Map<String, Object> language = (Map<String, Object>) content.get("language_info");
        assertEquals("java", language.get("name"));
        assertEquals(Runtime.version().toString(), language.get("version"));
        assertEquals(".jshell", language.get("file_extension"));
    }
}
