package coursekit.check;

import java.io.File;
import java.util.Locale;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;

/** A JShell running in this JVM, for testing checks without the kernel. */
final class LocalSession implements Session, AutoCloseable {

    private final JShell shell = JShell.builder().executionEngine("local").build();

    LocalSession() {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        for (String entry : classPath.split(File.pathSeparator)) {
            shell.addToClasspath(entry);
        }
    }

    @Override
    public String evaluate(String code) {
        for (SnippetEvent event : shell.eval(code)) {
            if (event.status() == Snippet.Status.REJECTED) {
                return shell.diagnostics(event.snippet()).filter(Diag::isError)
                        .map(d -> d.getMessage(Locale.ROOT).replaceAll("\\s+", " ")).collect(Collectors.joining("; "));
            }
            if (event.exception() != null) {
                return event.exception().toString();
            }
        }
        return null;
    }

    @Override
    public void close() {
        shell.close();
    }
}
