package coursekit.kernel.eval;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The opening of a Javadoc comment as Markdown, for Shift-Tab: its first sentences (up to the first
 * block tag such as {@code @param}), with {@code {@code x}} as {@code `x`}, links as their labels and
 * HTML tags dropped.
 */
final class JavadocText {

    private static final Pattern INLINE_CODE = Pattern.compile("\\{@(?:code|literal)\\s+([^{}]*)}");
    private static final Pattern INLINE_LINK = Pattern.compile("\\{@(?:link|linkplain)\\s+([^\\s{}]+)(?:\\s+([^{}]*))?}");
    private static final Pattern OTHER_INLINE = Pattern.compile("\\{@\\w+\\s*([^{}]*)}");
    private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][^>]*>");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?](?=\\s+[A-Z(`\\[])");

    private JavadocText() {}

    /** At most {@code sentences} first sentences of {@code javadoc}, as Markdown; empty for none. */
    static String opening(String javadoc, int sentences) {
        if (javadoc == null) {
            return "";
        }
        String body = javadoc;
        Matcher block = Pattern.compile("(?m)^\\s*@\\w+").matcher(body);
        if (block.find()) {
            body = body.substring(0, block.start());
        }
        body = replace(INLINE_CODE, body, m -> "`" + m.group(1).strip() + "`");
        body = replace(INLINE_LINK, body, m -> m.group(2) != null && !m.group(2).isBlank()
                ? m.group(2).strip() : "`" + m.group(1).replace('#', '.').replaceFirst("^\\.", "") + "`");
        body = replace(OTHER_INLINE, body, m -> m.group(1).strip());
        body = TAG.matcher(body).replaceAll(" ");
        body = body.replace("&lt;", "<").replace("&gt;", ">").replace("&nbsp;", " ").replace("&amp;", "&");
        body = body.replaceAll("\\s+", " ").strip();
        Matcher end = SENTENCE_END.matcher(body);
        int found = 0;
        while (end.find()) {
            if (++found == sentences) {
                return body.substring(0, end.end());
            }
        }
        return body;
    }

    private static String replace(Pattern pattern, String text, java.util.function.Function<Matcher, String> with) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(with.apply(matcher)));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
