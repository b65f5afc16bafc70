package coursekit.kernel.render;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One output in several forms, keyed by MIME type ({@code text/plain}, {@code text/html}, {@code image/png}
 * as base64), with per-type metadata: what Jupyter's {@code display_data} and {@code execute_result} carry.
 */
public final class MimeBundle {

    public static final String TEXT = "text/plain";
    public static final String HTML = "text/html";
    public static final String MARKDOWN = "text/markdown";
    public static final String PNG = "image/png";

    private final Map<String, Object> data = new LinkedHashMap<>();
    private final Map<String, Object> metadata = new LinkedHashMap<>();

    /** A bundle with only {@code text/plain}. */
    public static MimeBundle text(String text) {
        return new MimeBundle().put(TEXT, text);
    }

    /** Adds (or replaces) the form for {@code mimeType}; returns this bundle. */
    public MimeBundle put(String mimeType, Object value) {
        data.put(Objects.requireNonNull(mimeType, "mimeType"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /** Adds metadata for {@code mimeType}, such as an image's {@code width}; returns this bundle. */
    public MimeBundle meta(String mimeType, Map<String, ?> values) {
        metadata.put(mimeType, Map.copyOf(values));
        return this;
    }

    /** The forms, in the order they were added. */
    public Map<String, Object> data() {
        return Collections.unmodifiableMap(data);
    }

    public Map<String, Object> metadata() {
        return Collections.unmodifiableMap(metadata);
    }

    /** The {@code text/plain} form, or {@code null}. */
    public String text() {
        Object text = data.get(TEXT);
        return text == null ? null : text.toString();
    }

    public boolean has(String mimeType) {
        return data.containsKey(mimeType);
    }

    @Override
    public String toString() {
        return "MimeBundle" + data.keySet();
    }
}
