package coursekit.kernel.eval;

import coursekit.kernel.magic.Arguments;
import coursekit.kernel.magic.ClassPathGlobs;
import coursekit.kernel.magic.MavenException;
import coursekit.kernel.magic.MavenResolver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The line magics, in IJava's spelling: {@code %maven}, {@code %jars}, {@code %classpath} and
 * {@code %load}, plus {@code %timeout} and {@code %lsmagic}. A magic that cannot do what it was asked
 * is an error of its cell, so a notebook never runs on without the library it asked for.
 */
final class Magics {

    static final List<String> NAMES = List.of("maven", "jars", "classpath", "load", "timeout", "lsmagic");

    private final Evaluator evaluator;
    private final MavenResolver maven;

    Magics(Evaluator evaluator, boolean mavenOffline) {
        this.evaluator = evaluator;
        this.maven = new MavenResolver(mavenOffline);
    }

    Step run(String line) {
        String body = line.substring(1).strip();
        int space = body.indexOf(' ');
        String name = space < 0 ? body : body.substring(0, space);
        List<String> args = Arguments.split(space < 0 ? "" : body.substring(space + 1));
        return switch (name) {
            case "maven" -> maven(args);
            case "jars" -> paths(args, true);
            case "classpath" -> paths(args, false);
            case "load" -> load(args);
            case "timeout" -> timeout(args);
            case "lsmagic" -> {
                evaluator.say("Line magics: " + NAMES.stream().map(n -> "%" + n).collect(Collectors.joining(" ")));
                yield Step.NOTHING;
            }
            default -> Step.failed(Errors.usage("UnknownMagic", "%" + name + " is not a magic this kernel knows;"
                    + " it knows " + NAMES.stream().map(n -> "%" + n).collect(Collectors.joining(", ")) + "."));
        };
    }

    Completion complete(String lineBeforeCursor, int lineStart) {
        String typed = lineBeforeCursor.substring(1);
        if (typed.contains(" ")) {
            return new Completion(List.of(), lineStart + lineBeforeCursor.length(), lineStart + lineBeforeCursor.length());
        }
        List<String> matches = NAMES.stream().filter(n -> n.startsWith(typed)).map(n -> "%" + n).collect(Collectors.toList());
        return new Completion(matches, lineStart, lineStart + lineBeforeCursor.length());
    }

    private Step maven(List<String> coordinates) {
        // On a cell thread: an interrupt stops a slow download, and resolver messages land in the cell.
        CellRunner.Outcome<List<Path>> outcome = evaluator.runner().run(() -> maven.resolve(coordinates));
        if (outcome.stopped()) {
            return Step.NOTHING;
        }
        if (outcome.failure() instanceof MavenException e) {
            return Step.failed(Errors.usage("MavenError", e.getMessage()));
        }
        if (outcome.failure() != null) {
            return Step.failed(Errors.usage("MavenError", "Cannot resolve " + String.join(", ", coordinates) + ": "
                    + outcome.failure() + ". Check the coordinates and the network."));
        }
        List<Path> jars = outcome.value();
        evaluator.addToClassPath(jars);
        evaluator.say("Added " + jars.size() + (jars.size() == 1 ? " jar" : " jars") + " to the class path: "
                + jars.stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(", ")));
        return Step.NOTHING;
    }

    private Step paths(List<String> patterns, boolean jarsOnly) {
        String magic = jarsOnly ? "%jars" : "%classpath";
        if (patterns.isEmpty()) {
            return Step.failed(Errors.usage("MagicError", magic + " needs at least one path, for example " + magic
                    + (jarsOnly ? " lib/*.jar" : " build/classes") + "."));
        }
        List<Path> found = new ArrayList<>();
        for (String pattern : patterns) {
            try {
                List<Path> matched = jarsOnly ? ClassPathGlobs.jars(pattern) : classPathEntry(pattern);
                if (matched.isEmpty()) {
                    return Step.failed(Errors.usage("MagicError", magic + " " + pattern + " matches nothing (looked in "
                            + Path.of("").toAbsolutePath() + "); check the path or the pattern."));
                }
                found.addAll(matched);
            } catch (IOException e) {
                return Step.failed(Errors.usage("MagicError", magic + " cannot read " + pattern + ": " + e.getMessage()));
            }
        }
        evaluator.addToClassPath(found);
        evaluator.say("Added " + found.size() + " path" + (found.size() == 1 ? "" : "s") + " to the class path.");
        return Step.NOTHING;
    }

    private static List<Path> classPathEntry(String pattern) throws IOException {
        Path path = Path.of(pattern);
        if (Files.exists(path)) {
            return List.of(path.toAbsolutePath());
        }
        return ClassPathGlobs.jars(pattern);
    }

    private Step load(List<String> args) {
        if (args.size() != 1) {
            return Step.failed(Errors.usage("MagicError", "%load needs one file of Java code, for example %load helpers.jsh."));
        }
        Path file = Path.of(args.get(0));
        String code;
        try {
            code = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Step.failed(Errors.usage("MagicError", "%load cannot read " + file.toAbsolutePath() + " (" + e
                    + "); check the path, which is relative to " + Path.of("").toAbsolutePath() + "."));
        }
        Step step = evaluator.evalSource(new CellText(code), -1);
        if (step.error() == null) {
            return step;
        }
        List<String> lines = new ArrayList<>();
        lines.add("In " + file + ":");
        lines.addAll(step.error().traceback());
        return Step.failed(new CellError(step.error().name(), file + ": " + step.error().value(), lines));
    }

    private Step timeout(List<String> args) {
        if (args.isEmpty()) {
            Duration limit = evaluator.timeout();
            evaluator.say(limit.isZero() ? "Cells have no time limit." : "Each cell may run " + limit.toSeconds() + " s.");
            return Step.NOTHING;
        }
        String value = args.get(0);
        if (value.equals("off") || value.equals("0")) {
            evaluator.timeout(Duration.ZERO);
            evaluator.say("Cells have no time limit from now on.");
            return Step.NOTHING;
        }
        try {
            long seconds = Long.parseLong(value);
            if (seconds < 0) {
                throw new NumberFormatException();
            }
            evaluator.timeout(Duration.ofSeconds(seconds));
            evaluator.say("From the next cell on, each cell may run " + seconds + " s.");
            return Step.NOTHING;
        } catch (NumberFormatException e) {
            return Step.failed(Errors.usage("MagicError", "%timeout takes whole seconds or off, for example %timeout 60,"
                    + " but got '" + value + "'."));
        }
    }
}
