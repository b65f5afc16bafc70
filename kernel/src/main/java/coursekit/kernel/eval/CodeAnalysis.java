package coursekit.kernel.eval;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;

/**
 * What the notebook's editor asks of a cell's code without running it: completions, whether it is ready to run,
 * and documentation of what is at the cursor, through JShell's source analysis with magic lines left out.
 */
final class CodeAnalysis {

    private final SourceCodeAnalysis analysis;

    CodeAnalysis(SourceCodeAnalysis analysis) {
        this.analysis = analysis;
    }

    /** Completions for the Java before {@code at} (within {@code code}), magic lines blanked out. */
    Completion complete(String code, int at) {
        String before = maskMagics(code).substring(0, at);
        int unitStart = unitStart(before);
        int[] anchor = new int[1];
        List<String> matches = analysis.completionSuggestions(before.substring(unitStart), at - unitStart, anchor).stream()
                .map(SourceCodeAnalysis.Suggestion::continuation)
                .distinct()
                .collect(Collectors.toList());
        return new Completion(matches, unitStart + anchor[0], at);
    }

    /** Whether {@code code} is ready to run ({@code complete}), needs more lines, or cannot compile. */
    Readiness readiness(String code) {
        String java = code.lines().filter(line -> !line.startsWith("%")).collect(Collectors.joining("\n"));
        String rest = java;
        while (!rest.isBlank()) {
            CompletionInfo info = analysis.analyzeCompletion(rest);
            switch (info.completeness()) {
                case COMPLETE, COMPLETE_WITH_SEMI -> rest = info.remaining();
                case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> {
                    return Readiness.incomplete(nextIndent(java));
                }
                case EMPTY -> rest = "";
                default -> {
                    return Readiness.INVALID;
                }
            }
        }
        return Readiness.COMPLETE;
    }

    /** Documentation of what is at {@code cursor}, or {@code null} when there is none. */
    String inspect(String code, int cursor) {
        int at = Math.max(0, Math.min(cursor, code.length()));
        String java = maskMagics(code);
        int unitStart = unitStart(java.substring(0, at));
        String unit = java.substring(unitStart);
        int position = at - unitStart;
        List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(unit, position, true);
        if (docs.isEmpty()) {
            // JShell documents a call from inside its parentheses and a type from its end; a cursor on
            // a name gets both tries.
            int end = position;
            while (end < unit.length() && Character.isJavaIdentifierPart(unit.charAt(end))) {
                end++;
            }
            docs = analysis.documentation(unit.substring(0, end) + "(", end + 1, true);
            if (docs.isEmpty()) {
                docs = analysis.documentation(unit.substring(0, end), end, true);
            }
        }
        if (docs.isEmpty()) {
            return null;
        }
        return docs.stream()
                .map(d -> {
                    String opening = JavadocText.opening(d.javadoc(), 2);
                    return opening.isEmpty() ? d.signature() : d.signature() + "\n\n" + opening;
                })
                .collect(Collectors.joining("\n\n"));
    }

    /** {@code code} with its magic lines blanked out, so JShell sees only Java at unchanged positions. */
    private static String maskMagics(String code) {
        StringBuilder java = new StringBuilder(code);
        int lineStart = 0;
        while (lineStart < java.length()) {
            int lineEnd = java.indexOf("\n", lineStart);
            int end = lineEnd < 0 ? java.length() : lineEnd;
            if (java.charAt(lineStart) == '%') {
                for (int i = lineStart; i < end; i++) {
                    java.setCharAt(i, ' ');
                }
            }
            lineStart = end + 1;
        }
        return java.toString();
    }

    /** The start of the statement that the end of {@code before} is in. */
    private int unitStart(String before) {
        int offset = 0;
        while (offset < before.length()) {
            CompletionInfo info = analysis.analyzeCompletion(before.substring(offset));
            if (!info.completeness().isComplete() || info.remaining().isBlank()) {
                break;
            }
            offset = before.length() - info.remaining().length();
        }
        return offset;
    }

    private static String nextIndent(String code) {
        List<String> lines = Arrays.asList(code.split("\n", -1));
        String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        String indent = last.substring(0, last.length() - last.stripLeading().length());
        return last.strip().endsWith("{") || last.strip().endsWith("(") ? indent + "    " : indent;
    }
}
