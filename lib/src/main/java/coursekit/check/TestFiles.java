package coursekit.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads an assignment's tests: one file per question, {@code tests/q1.jsh}, in which each test starts with
 * a header line and runs until the next one:
 * <pre>
 * //# test flip-reverses-rows points=2
 * var out = flipHorizontal(new float[][] {{1, 2, 3}});
 * assertArrayEquals(new float[] {3, 2, 1}, out[0], "flipHorizontal should reverse each row");
 * //# test flip-3x4 points=1 hidden feedback="Try an image that is not square."
 * ...
 * </pre>
 * Header settings: {@code points=N} (default 1), {@code hidden} (graded, never released),
 * {@code independent} (may pass without the solution) and {@code feedback="..."} (what a student sees
 * when a hidden test fails; without it only the test's name is shown). Lines before the first header
 * are comments for the author.
 */
public final class TestFiles {

    /** The file extension of test files. */
    public static final String EXTENSION = ".jsh";

    private static final Pattern HEADER = Pattern.compile("^//#\\s*test\\s+(\\S+)(.*)$");
    private static final Pattern SETTING = Pattern.compile("\\s*([a-z-]+)(?:=(\"[^\"]*\"|\\S+))?");
    private static final Pattern QUESTION = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    private TestFiles() {}

    /** Every test in {@code folder}'s {@code *.jsh} files, questions in name order. */
    public static List<TestCase> read(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new CheckException("There is no tests folder at " + folder.toAbsolutePath()
                    + "; run the notebook from its assignment folder, or call Checks.load(\"path/to/tests\") first.");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(f -> f.getFileName().toString().endsWith(EXTENSION)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        List<TestCase> tests = new ArrayList<>();
        for (Path file : files) {
            tests.addAll(readFile(file));
        }
        return tests;
    }

    /** The tests of one question's file. */
    public static List<TestCase> readFile(Path file) {
        String name = file.getFileName().toString();
        String question = name.substring(0, name.length() - EXTENSION.length());
        if (!QUESTION.matcher(question).matches()) {
            throw new CheckException(file + ": a question's file is named like q1.jsh (letters, digits, - or _), not " + name + ".");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        return parse(file.toString(), question, lines);
    }

    /** Parses the lines of one question's tests; {@code source} names them in error messages. */
    public static List<TestCase> parse(String source, String question, List<String> lines) {
        List<TestCase> tests = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Header header = null;
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher m = HEADER.matcher(line.strip());
            if (m.matches()) {
                if (header != null) {
                    tests.add(header.test(question, code.toString()));
                }
                header = Header.parse(source, i + 1, m.group(1), m.group(2));
                if (!names.add(header.name)) {
                    throw new CheckException(source + " line " + (i + 1) + ": the test name '" + header.name
                            + "' is used twice; give each test of a question its own name.");
                }
                code.setLength(0);
            } else if (header != null) {
                code.append(line).append('\n');
            }
        }
        if (header != null) {
            tests.add(header.test(question, code.toString()));
        }
        if (tests.isEmpty()) {
            throw new CheckException(source + " has no tests; start each with a line like: //# test name points=1");
        }
        return tests;
    }

    private static final class Header {
        String name;
        double points = 1;
        boolean hidden;
        boolean independent;
        String feedback;

        static Header parse(String source, int line, String name, String rest) {
            Header h = new Header();
            h.name = name;
            Matcher m = SETTING.matcher(rest);
            int at = 0;
            while (at < rest.length() && m.find(at) && m.start() == at && m.end() > at) {
                String key = m.group(1);
                String value = m.group(2);
                switch (key) {
                    case "points" -> h.points = points(source, line, value);
                    case "hidden" -> h.hidden = true;
                    case "independent" -> h.independent = true;
                    case "feedback" -> h.feedback = value == null ? "" : value.replaceAll("^\"|\"$", "");
                    default -> throw new CheckException(source + " line " + line + ": unknown test setting '" + key
                            + "'; the settings are points=N, hidden, independent and feedback=\"...\".");
                }
                at = m.end();
            }
            if (!rest.substring(at).isBlank()) {
                throw new CheckException(source + " line " + line + ": cannot read '" + rest.substring(at).strip()
                        + "'; write settings like points=2 hidden feedback=\"a hint\".");
            }
            return h;
        }

        private static double points(String source, int line, String value) {
            try {
                double points = Double.parseDouble(value == null ? "" : value);
                if (points > 0 && Double.isFinite(points)) {
                    return points;
                }
            } catch (NumberFormatException ignored) {
                // Falls through to the sentence below.
            }
            throw new CheckException(source + " line " + line + ": points must be a positive number, like points=2, but got '" + value + "'.");
        }

        TestCase test(String question, String code) {
            return new TestCase(question, name, points, hidden, independent, feedback, code.strip());
        }
    }
}
