package coursekit.kernel.run;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Java source as HTML with its comments, strings, keywords, numbers and annotations in spans of
 * classes {@code c}, {@code s}, {@code k}, {@code n} and {@code a} (the page's style colours them as
 * Jupyter does); cell magics such as {@code %maven} count as comments. Everything else is escaped text.
 */
final class JavaHighlight {

    private static final Set<String> KEYWORDS = Set.of(
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const", "continue",
            "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for", "goto", "if",
            "implements", "import", "instanceof", "int", "interface", "long", "native", "new", "package", "private",
            "protected", "public", "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this",
            "throw", "throws", "transient", "try", "void", "volatile", "while", "var", "record", "yield", "true",
            "false", "null");

    private static final Pattern TOKEN = Pattern.compile(
            "(?<comment>//[^\\n]*|/\\*.*?(?:\\*/|$)|(?m:^\\s*%[^\\n]*))"
                    + "|(?<string>\"\"\".*?(?:\"\"\"|$)|\"(?:\\\\.|[^\"\\\\\\n])*\"?|'(?:\\\\.|[^'\\\\\\n])*'?)"
                    + "|(?<annotation>@[A-Za-z_][\\w.]*)"
                    + "|(?<number>\\b\\d[\\d_]*(?:\\.[\\d_]+)?(?:[eE][+-]?\\d+)?[fFdDlL]?\\b)"
                    + "|(?<word>\\b[A-Za-z_$][\\w$]*\\b)",
            Pattern.DOTALL);

    private JavaHighlight() {}

    static String html(String source) {
        StringBuilder html = new StringBuilder();
        Matcher matcher = TOKEN.matcher(source);
        int last = 0;
        while (matcher.find()) {
            html.append(HtmlExport.escape(source.substring(last, matcher.start())));
            String token = matcher.group();
            String kind = matcher.group("comment") != null ? "c"
                    : matcher.group("string") != null ? "s"
                    : matcher.group("annotation") != null ? "a"
                    : matcher.group("number") != null ? "n"
                    : KEYWORDS.contains(token) ? "k" : null;
            html.append(kind == null ? HtmlExport.escape(token)
                    : "<span class=\"" + kind + "\">" + HtmlExport.escape(token) + "</span>");
            last = matcher.end();
        }
        return html.append(HtmlExport.escape(source.substring(last))).toString();
    }
}
