package coursekit.grading;

import coursekit.check.TestCase;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SourceCodeAnalysis;

/**
 * The names a submission may not define for the tests to see: every name the tests' code mentions that the
 * assignment's own notebook does not declare. Tests compile in the student's JShell session, where a
 * student's {@code assertEquals} or {@code Arrays} would otherwise take the place of JUnit's or the JDK's;
 * the grader drops such definitions after the last cell and before the first test. What the notebook
 * declares (the methods and classes the questions ask for) stays, since that is what the tests are for.
 */
final class ReservedNames {

    private static final Pattern IDENTIFIER = Pattern.compile("\\b[A-Za-z_$][A-Za-z0-9_$]*\\b");

    private ReservedNames() {}

    static List<String> of(List<String> sourceCells, List<TestCase> tests) {
        Set<String> used = new TreeSet<>();
        for (TestCase test : tests) {
            Matcher m = IDENTIFIER.matcher(withoutStrings(test.code()));
            while (m.find()) {
                used.add(m.group());
            }
        }
        used.removeAll(declared(sourceCells));
        return List.copyOf(used);
    }

    /** The top-level names that {@code cells} declare: methods, classes, variables. */
    static Set<String> declared(List<String> cells) {
        Set<String> names = new TreeSet<>();
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
            for (String cell : cells) {
                String rest = cell.lines().map(l -> l.startsWith("%") ? "" : l).reduce("", (a, b) -> a + b + "\n");
                while (!rest.isBlank()) {
                    SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
                    if (!info.completeness().isComplete()) {
                        break;
                    }
                    for (Snippet snippet : analysis.sourceToSnippets(info.source())) {
                        if (snippet instanceof DeclarationSnippet declaration) {
                            names.add(declaration.name());
                        }
                    }
                    rest = info.remaining();
                }
            }
        }
        return names;
    }

    /** The code with its string and character literals emptied, so that words in messages are not names. */
    private static String withoutStrings(String code) {
        return code.replaceAll("\"\"\"(?s:.*?)\"\"\"", "\"\"").replaceAll("\"(\\\\.|[^\"\\\\\\n])*\"", "\"\"")
                .replaceAll("'(\\\\.|[^'\\\\\\n])*'", "''").replaceAll("//[^\\n]*", "");
    }
}
