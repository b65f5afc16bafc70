package coursekit.grading;

import coursekit.check.TestCase;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.ErroneousSnippet;
import jdk.jshell.ImportSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SourceCodeAnalysis;

/**
 * The names a submission may not define for the tests to see: every name the tests' code and their
 * scaffolding ({@link TestPhase#SCAFFOLDING}) mention that the assignment's own notebook does not declare. Tests compile in the student's JShell session, where a
 * student's {@code assertEquals} or {@code Arrays} would otherwise take the place of JUnit's or the JDK's;
 * the grader drops such definitions after the last cell and before the first test. What the notebook
 * declares (the methods and classes the questions ask for) stays, since that is what the tests are for.
 */
final class ReservedNames {

    private static final Pattern IDENTIFIER = Pattern.compile("\\b[A-Za-z_$][A-Za-z0-9_$]*\\b");
    /** {@code var NAME =}, the one declaration JShell cannot name without the types of what it is given. */
    private static final Pattern VAR = Pattern.compile("\\s*(?:final\\s+|@[\\w.]+\\s+)*var\\s+([A-Za-z_$][A-Za-z0-9_$]*)\\s*=.*", Pattern.DOTALL);

    private ReservedNames() {}

    /**
     * The reserved names, and the part of them that the notebook imports: a student's import of those
     * stays (the same import), a declaration of them goes.
     */
    record Names(List<String> reserved, List<String> importable) {}

    static Names of(List<String> sourceCells, List<TestCase> tests) {
        Set<String> used = new TreeSet<>(TestPhase.SCAFFOLDING);
        for (TestCase test : tests) {
            Matcher m = IDENTIFIER.matcher(withoutStrings(test.code()));
            while (m.find()) {
                used.add(m.group());
            }
        }
        Set<String> imported = new TreeSet<>();
        Set<String> declared = declared(sourceCells, imported);
        used.removeAll(declared);
        imported.retainAll(used);
        return new Names(List.copyOf(used), List.copyOf(imported));
    }

    /** The top-level names that {@code cells} declare (methods, classes, variables); their imports go to {@code imports}. */
    static Set<String> declared(List<String> cells, Set<String> imports) {
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
                        } else if (snippet instanceof ErroneousSnippet erroneous && erroneous.probableKind() == Snippet.Kind.VAR) {
                            // var x = model(...): without the kit's types and the earlier cells JShell cannot type it.
                            Matcher var = VAR.matcher(erroneous.source());
                            if (var.matches()) {
                                names.add(var.group(1));
                            }
                        } else if (snippet instanceof ImportSnippet imported && !imported.isStatic()) {
                            imports.add(imported.name());
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
