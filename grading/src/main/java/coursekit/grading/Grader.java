package coursekit.grading;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import coursekit.check.TestCase;
import coursekit.io.AtomicFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Grades every submission of an assignment: each in its own {@link Sandbox}, several at a time, each
 * result saved as soon as it is known (so an interrupted run picks up where it stopped), then the
 * gradebook, the feedback and Gradescope's files.
 */
final class Grader {

    /** The limits each submission runs under. */
    record Limits(Duration cell, Duration test, Duration total, String memory, long maxOutputBytes) {
        static Limits standard() {
            return new Limits(Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofSeconds(300), "1g", 64L << 20);
        }
    }

    private final Assignment assignment;
    private final Path submissions;
    private final Path out;
    private final int workers;
    private final Limits limits;
    private final PrintStream log;
    private final Sandbox sandbox;

    Grader(Assignment assignment, Path submissions, Path out, int workers, Limits limits, Sandbox.Isolation isolation, PrintStream log) {
        if (!Files.isDirectory(submissions)) {
            throw new GradingException("There is no submissions folder at " + submissions.toAbsolutePath()
                    + "; give the folder that holds one STUDENT.ipynb (or STUDENT/ folder) per student.");
        }
        this.assignment = assignment;
        this.submissions = submissions.toAbsolutePath().normalize();
        this.out = out.toAbsolutePath().normalize();
        this.workers = workers;
        this.limits = limits;
        this.log = log;
        this.sandbox = new Sandbox(isolation, limits.memory(), limits.total(), limits.maxOutputBytes(), this.out.resolve(".scratch"));
    }

    Sandbox.Isolation isolation() {
        return sandbox.isolation();
    }

    /** Grades what is not graded yet, writes every report, and returns all students' results by name. */
    List<Graded> grade() {
        List<Submissions.Entry> entries;
        try {
            entries = Submissions.list(submissions, assignment.folder());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + submissions + ": " + e.getMessage(), e);
        }
        log.println("Grading " + entries.size() + " submissions of " + assignment.name() + " with " + workers
                + " workers; isolation: " + describe(sandbox.isolation()) + ".");
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<Future<Graded>> futures = new ArrayList<>();
        for (Submissions.Entry entry : entries) {
            futures.add(pool.submit(() -> gradeOne(entry)));
        }
        List<Graded> all = new ArrayList<>();
        try {
            for (Future<Graded> future : futures) {
                all.add(future.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Grading was interrupted.", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Grading stopped: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
            try {
                Sandbox.deleteTree(out.resolve(".scratch").resolve("kit"));
            } catch (IOException e) {
                log.println("Could not remove " + out.resolve(".scratch/kit") + ": " + e.getMessage());
            }
        }
        Reports.writeAll(assignment, all, entries, out);
        return all;
    }

    static String describe(Sandbox.Isolation isolation) {
        String policy = SandboxPolicy.supported() ? "" : "; WARNING: this Java (24+) has no security manager, so submitted code"
                + " may start programs and reach any file the grader's user can: grade with Java 17 to 23";
        return (isolation == Sandbox.Isolation.NAMESPACES
                ? "namespaces (a root of its own with only the JDK, the kit's class path and system folders, read-only;"
                + " no network, no /proc; every process killed with the submission) and the security manager"
                : "WARNING: unshare (user, mount, network and PID namespaces) is not permitted here, so each submission runs"
                + " under the security manager only: no programs, no sockets, files only in its own folder") + policy;
    }

    /** One entry's grade; whatever goes wrong with this one entry becomes its row's reason, never the run's end. */
    private Graded gradeOne(Submissions.Entry entry) {
        String student = entry.student();
        if (entry.problem() != null) {
            log.println("  " + student + ": not graded - " + entry.problem());
            return Graded.failed(student, assignment.tests(), entry.problem(), 0);
        }
        try {
            Path saved = out.resolve(".results").resolve(entry.fileName() + ".json");
            String fingerprint = fingerprint(entry.notebook());
            if (Files.isRegularFile(saved)) {
                JsonObject json = JsonParser.parseString(Files.readString(saved, StandardCharsets.UTF_8)).getAsJsonObject();
                Graded kept = fingerprint.equals(Json.string(json, "fingerprint")) && student.equals(Json.string(json, "student"))
                        ? Graded.fromJson(json, assignment.tests()) : null;
                if (kept != null) {
                    log.println("  " + student + ": graded before, kept");
                    return kept;
                }
            }
            Graded graded = run(student, entry.notebook(), entry.fileName());
            JsonObject json = graded.toJson();
            json.addProperty("fingerprint", fingerprint);
            AtomicFiles.write(saved, json.toString().getBytes(StandardCharsets.UTF_8));
            log.printf(Locale.ROOT, "  %s: %s of %s (%.1f s)%s%n", student, coursekit.check.Points.format(graded.total()),
                    coursekit.check.Points.format(assignment.possible()), graded.seconds(),
                    graded.failure() == null ? "" : " - " + graded.failure());
            return graded;
        } catch (IOException | RuntimeException e) {
            String why = "the grader could not grade it (" + e.getMessage() + ")";
            log.println("  " + student + ": " + why);
            return Graded.failed(student, assignment.tests(), why, 0);
        }
    }

    private Graded run(String student, Path notebook, String label) throws IOException {
        List<String> cells;
        try {
            cells = Assignment.codeCells(notebook);
        } catch (IOException e) {
            return Graded.failed(student, assignment.tests(), e.getMessage(), 0);
        }
        Job job = new Job(limits.cell().toSeconds(), limits.test().toSeconds(), cells, assignment.tests(), assignment.reserved());
        Sandbox.Outcome outcome = sandbox.run(job, label);
        if (outcome.report() == null) {
            return Graded.failed(student, assignment.tests(), outcome.failure(), outcome.seconds());
        }
        return Graded.of(student, assignment.tests(), outcome.report(), outcome.seconds());
    }

    /** The submission and the tests together: either changing means grading again. */
    private String fingerprint(Path notebook) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(Files.isRegularFile(notebook) ? Files.readAllBytes(notebook) : new byte[0]);
            for (TestCase test : assignment.tests()) {
                digest.update(Json.test(test).toString().getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
