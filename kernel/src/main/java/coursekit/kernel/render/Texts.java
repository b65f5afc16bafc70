package coursekit.kernel.render;

import java.util.Arrays;

/** Plain-text forms: {@code toString()}, arrays spelled out, and very long texts cut. */
final class Texts {

    static final int MAX_CHARS = 20_000;

    private Texts() {}

    static String plain(Object value) {
        String text;
        if (value instanceof Object[] objects) {
            text = Arrays.deepToString(objects);
        } else if (value != null && value.getClass().isArray()) {
            text = Arrays.deepToString(new Object[] {value});
            text = text.substring(1, text.length() - 1);
        } else {
            text = String.valueOf(value);
        }
        return cut(text);
    }

    static String cut(String text) {
        if (text.length() <= MAX_CHARS) {
            return text;
        }
        return text.substring(0, MAX_CHARS) + "\n... (" + (text.length() - MAX_CHARS) + " more characters)";
    }

    static String escapeHtml(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
