package coursekit.grading;

import coursekit.check.CheckException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code ./kit release ASSIGNMENT}, {@code ./kit grade ASSIGNMENT SUBMISSIONS --out DIR}, {@code ./kit gradescope
 * ASSIGNMENT --out FILE.zip}, and {@code autograde ASSIGNMENT ROOT}, which the bundle's {@code run_autograder} runs
 * on Gradescope's machine. Exits 0 when
 * done, 1 when the assignment is not sound, 2 for bad arguments; every problem is one sentence.
 */
public final class GradeMain {

    static final String USAGE = """
            Usage: ./kit release ASSIGNMENT_FOLDER [--out DIR]
                     writes DIR/NAME.ipynb (no solutions, no outputs) and DIR/tests/ (public tests only);
                     DIR defaults to ASSIGNMENT_FOLDER/release
                   ./kit grade ASSIGNMENT_FOLDER SUBMISSIONS_FOLDER --out DIR [--workers N]
                     [--cell-timeout S] [--test-timeout S] [--timeout S] [--memory SIZE]
                     grades each STUDENT.ipynb (or STUDENT/ folder) into DIR/gradebook.csv, DIR/feedback/,
                     DIR/gradescope/STUDENT/results.json; a second run keeps what is already graded
                   ./kit gradescope ASSIGNMENT_FOLDER --out FILE.zip [the limits of grade]
                     writes Gradescope's autograder bundle (setup.sh, run_autograder, the tests, hidden ones included)
                   ./kit distribute RELEASE_FOLDER HOMES_FOLDER
                     copies NAME.ipynb and tests/ into HOME/NAME/ of every home folder (e.g. /home), a notebook
                     already there left as it is
                   ./kit collect HOMES_FOLDER NAME --out SUBMISSIONS_FOLDER
                     copies each HOME/NAME/NAME.ipynb to SUBMISSIONS_FOLDER/STUDENT.ipynb for ./kit grade
            """;

    private GradeMain() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length == 0 || java.util.Arrays.stream(args).anyMatch(a -> a.equals("-h") || a.equals("--help"))) {
            System.out.print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        try {
            Options o = Options.parse(args);
            if (o.command.equals("distribute") || o.command.equals("collect")) {
                return homeFolders(o);
            }
            Assignment assignment = Assignment.open(o.positional.get(0));
            Sandbox.Isolation isolation = Sandbox.Isolation.detect();
            if (o.command.equals("release")) {
                Path out = o.out != null ? o.out : assignment.folder().resolve("release");
                Path scratch = java.nio.file.Files.createTempDirectory("coursekit-release-");
                Sandbox sandbox = new Sandbox(isolation, o.limits.memory(), o.limits.total(), o.limits.maxOutputBytes(), scratch);
                try {
                    Release.release(assignment, out, sandbox, o.limits, System.out);
                } finally {
                    Sandbox.deleteTree(scratch);
                }
                return 0;
            }
            if (o.command.equals("autograde")) {
                GradescopeRun.run(assignment, o.positional.get(1), o.limits, System.out);
                return 0;
            }
            if (o.command.equals("gradescope")) {
                if (o.out == null || !o.out.getFileName().toString().endsWith(".zip")) {
                    throw new IllegalArgumentException("gradescope needs --out FILE.zip, the bundle to upload as the autograder.");
                }
                GradescopeBundle.write(assignment, o.out, o.limits, System.getProperty("java.class.path"));
                System.out.println("Wrote " + o.out + ": upload it as the autograder of a Gradescope programming assignment"
                        + " (Ubuntu image); students submit " + assignment.name() + ".ipynb.");
                return 0;
            }
            if (o.out == null) {
                throw new GradingException("grade needs --out DIR, the folder for the gradebook and feedback.");
            }
            Grader grader = new Grader(assignment, o.positional.get(1), o.out, o.workers, o.limits, isolation, System.out);
            List<Graded> all = grader.grade();
            System.out.println("Wrote " + o.out.resolve("gradebook.csv") + ", feedback/ and gradescope/"
                    + (assignment.written().isEmpty() ? "" : ", and manual.csv with the written answers " + assignment.written() + ",")
                    + " for " + all.size() + " students.");
            return 0;
        } catch (GradingException | CheckException | IllegalArgumentException e) {
            System.err.println(args[0] + ": " + e.getMessage());
            return e.getMessage() != null && e.getMessage().contains("is not sound") ? 1 : 2;
        } catch (IOException | UncheckedIOException e) {
            System.err.println(args[0] + ": " + e.getMessage());
            return 2;
        }
    }

    private static int homeFolders(Options o) throws IOException {
        HomeFolders.Outcome outcome;
        if (o.command.equals("distribute")) {
            Path release = o.positional.get(0);
            List<Path> notebooks;
            try (var files = java.nio.file.Files.list(release)) {
                notebooks = files.filter(p -> p.getFileName().toString().endsWith(".ipynb")).toList();
            } catch (java.nio.file.NoSuchFileException e) {
                throw new GradingException("There is no release folder " + release + "; run ./kit release first.");
            }
            if (notebooks.size() != 1) {
                throw new GradingException(release + " should hold one notebook, as ./kit release writes it, but holds " + notebooks.size() + ".");
            }
            String name = notebooks.get(0).getFileName().toString().replaceFirst("\\.ipynb$", "");
            outcome = HomeFolders.distribute(release, name, o.positional.get(1), System.out);
            System.out.println("Handed out " + name + " to " + outcome.done() + " home folders.");
        } else {
            if (o.out == null) {
                throw new GradingException("collect needs --out DIR, the submissions folder to give ./kit grade.");
            }
            outcome = HomeFolders.collect(o.positional.get(0), o.positional.get(1).getFileName().toString(), o.out, System.out);
            System.out.println("Collected " + outcome.done() + " notebooks into " + o.out + ".");
        }
        outcome.leftOut().forEach(line -> System.out.println("  left out: " + line));
        return 0;
    }

    private static final class Options {
        String command;
        List<Path> positional = new java.util.ArrayList<>();
        Path out;
        int workers = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        Grader.Limits limits = Grader.Limits.standard();

        static Options parse(String[] args) {
            Options o = new Options();
            o.command = args[0];
            if (!List.of("release", "grade", "gradescope", "autograde", "distribute", "collect").contains(o.command)) {
                throw new IllegalArgumentException("the commands are release, grade, gradescope, distribute and collect, not '"
                        + o.command + "'.");
            }
            Grader.Limits l = o.limits;
            for (int i = 1; i < args.length; i++) {
                switch (args[i]) {
                    case "--out" -> o.out = Path.of(value(args, ++i, "--out"));
                    case "--workers" -> o.workers = (int) positive(value(args, ++i, "--workers"), "--workers");
                    case "--cell-timeout" -> l = new Grader.Limits(seconds(args, ++i), l.test(), l.total(), l.memory(), l.maxOutputBytes());
                    case "--test-timeout" -> l = new Grader.Limits(l.cell(), seconds(args, ++i), l.total(), l.memory(), l.maxOutputBytes());
                    case "--timeout" -> l = new Grader.Limits(l.cell(), l.test(), seconds(args, ++i), l.memory(), l.maxOutputBytes());
                    case "--memory" -> {
                        String size = value(args, ++i, "--memory");
                        if (!size.matches("[0-9]+[kmgKMG]")) {
                            throw new IllegalArgumentException("--memory takes a size like 768m or 2g, but got '" + size + "'.");
                        }
                        l = new Grader.Limits(l.cell(), l.test(), l.total(), size, l.maxOutputBytes());
                    }
                    default -> {
                        if (args[i].startsWith("--")) {
                            throw new IllegalArgumentException("unknown option '" + args[i] + "'.");
                        }
                        o.positional.add(Path.of(args[i]));
                    }
                }
            }
            o.limits = l;
            int wanted = o.command.equals("release") || o.command.equals("gradescope") ? 1 : 2;
            if (o.positional.size() != wanted) {
                throw new IllegalArgumentException(switch (o.command) {
                    case "release", "gradescope" -> "name one assignment folder, e.g. ./kit " + o.command
                            + " notebooks/assignments/augmentation-cnn" + (o.command.equals("release") ? "." : " --out autograder.zip.");
                    case "autograde" -> "name the assignment folder and the folder laid out as /autograder.";
                    case "distribute" -> "name the release folder and the folder of home folders, e.g. ./kit distribute"
                            + " notebooks/assignments/transfer/release /home.";
                    case "collect" -> "name the folder of home folders and the assignment, e.g. ./kit collect /home transfer --out submissions.";
                    default -> "name the assignment folder and the submissions folder, e.g. ./kit grade notebooks/assignments/transfer submissions --out grades.";
                });
            }
            return o;
        }

        private static Duration seconds(String[] args, int i) {
            return Duration.ofSeconds(positive(value(args, i, args[i - 1]), args[i - 1]));
        }

        private static long positive(String text, String option) {
            try {
                long n = Long.parseLong(text);
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException ignored) {
                // Falls through to the sentence below.
            }
            throw new IllegalArgumentException(option + " takes a positive whole number, but got '" + text + "'.");
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value.");
            }
            return args[i];
        }
    }
}
