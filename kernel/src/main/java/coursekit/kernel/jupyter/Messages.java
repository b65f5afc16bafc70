package coursekit.kernel.jupyter;

import java.util.LinkedHashMap;
import java.util.Map;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.MessageType;

/**
 * Builds Jupyter messages whose content is a plain map, written field by field as the messaging spec
 * (5.3) lists them, so that every reply carries its {@code status} as strict clients require.
 */
final class Messages {

    private Messages() {}

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Message<?> of(MessageContext parent, MessageType<?> type, Map<String, ?> content) {
        return new Message(parent, (MessageType) type, content);
    }

    /** A map from alternating keys and values, keeping their order. */
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** A reply content starting with {@code status: ok}. */
    static Map<String, Object> ok(Object... keysAndValues) {
        Map<String, Object> map = map("status", "ok");
        map.putAll(map(keysAndValues));
        return map;
    }
}
