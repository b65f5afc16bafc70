package coursekit.grading;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one {@link Job} in a JVM of its own ({@link SandboxMain}) with a memory cap, a time limit for the
 * whole run, a cap on what it may print, and, where Linux allows unprivileged namespaces
 * ({@code unshare -rnm}), no network and the assignment, the submissions and the grader's output folders
 * (and {@code /tmp}, unless the JVM needs it) covered by empty file systems, with a fresh working folder on one.
 *
 * <p>Threat model: this stops accidents and casual cheating (reading the hidden tests or a classmate's
 * notebook, calling home, filling the disk or the grader's memory, hanging the run). Submitted code runs
 * with the grader's user id, so without namespaces it can read whatever that user can; and since the tests
 * run in the same JVM as the submission, a determined student who knows the grader's internals could
 * tamper with a result. Run the grader under a separate user or in a container for high-stakes grading.
 */
final class Sandbox {

    /** How a submission's process is kept apart from the rest of the machine. */
    enum Isolation {
        /** A user, network and mount namespace: no network, private /tmp, hidden folders covered. */
        NAMESPACES,
        /** Only a fresh working folder: network and every file the grader's user can read remain reachable. */
        NONE;

        static Isolation detect() {
            try {
                Process probe = new ProcessBuilder("unshare", "-rnm", "true").redirectErrorStream(true).start();
                probe.getInputStream().readAllBytes();
                return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0 ? NAMESPACES : NONE;
            } catch (IOException e) {
                return NONE;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return NONE;
            }
        }
    }

    /** What a run produced: the result line's JSON, or why there is none, and how long it took. */
    record Outcome(JsonObject report, String failure, double seconds) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Isolation isolation;
    private final List<Path> hidden;
    private final String memory;
    private final Duration total;
    private final long maxOutputBytes;
    private final Path scratch;

    /**
     * @param hidden         folders the submission must not see (the assignment, the submissions, the output)
     * @param memory         the heap cap, as for {@code -Xmx} (e.g. {@code 768m})
     * @param total          the time limit for the whole run
     * @param maxOutputBytes what the process may print before it is stopped
     * @param scratch        a folder of the grader's for logs and, without namespaces, working folders
     */
    Sandbox(Isolation isolation, List<Path> hidden, String memory, Duration total, long maxOutputBytes, Path scratch) {
        this.isolation = isolation;
        this.hidden = hidden.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.memory = memory;
        this.total = total;
        this.maxOutputBytes = maxOutputBytes;
        this.scratch = scratch;
    }

    Isolation isolation() {
        return isolation;
    }

    static String nonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "coursekit-result-" + HexFormat.of().formatHex(bytes);
    }

    /** Runs {@code job}; never throws for anything the submission does. */
    Outcome run(Job job, String label) throws IOException {
        Files.createDirectories(scratch);
        Path log = Files.createTempFile(scratch, label + "-", ".log");
        Path work = isolation == Isolation.NONE ? Files.createTempDirectory(scratch, label + "-work-") : null;
        List<String> command = new ArrayList<>();
        if (isolation == Isolation.NAMESPACES) {
            List<String> needed = new ArrayList<>(List.of(classPath().split(File.pathSeparator)));
            needed.add(System.getProperty("java.home"));
            command.addAll(List.of("unshare", "-rnm", "--", "sh", "-c", coverScript(hidden, needed), "sandbox"));
        }
        command.addAll(List.of(javaBinary(), "-Xmx" + memory, "-Xss4m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Djava.awt.headless=true", "-Dai.djl.offline=true",
                "-cp", classPath(), SandboxMain.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(log.toFile())
                .redirectErrorStream(true)
                .directory(work == null ? new File("/") : work.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().retainAll(List.of("PATH", "LANG", "LC_ALL", "JAVA_HOME", "COURSEKIT_QUICK", "COURSEKIT_WEIGHTS",
                "OMP_NUM_THREADS", "LD_PRELOAD"));
        env.putIfAbsent("OMP_NUM_THREADS", "1");
        if (work != null) {
            env.put("HOME", work.toString());
        }
        long start = System.nanoTime();
        Process process = builder.start();
        try {
            try (OutputStream in = process.getOutputStream()) {
                in.write(job.toJson().getBytes(StandardCharsets.UTF_8));
            } catch (IOException closedEarly) {
                // The process died before reading its job; its exit says why.
            }
            String stopped = watch(process, log, start);
            double seconds = (System.nanoTime() - start) / 1e9;
            JsonObject report = resultLine(log, job.nonce());
            if (report != null) {
                return new Outcome(report, null, seconds);
            }
            if (stopped != null) {
                return new Outcome(null, stopped, seconds);
            }
            return new Outcome(null, "the submission's process ended (exit status " + process.exitValue()
                    + ") before its tests could run" + lastLine(log), seconds);
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Files.deleteIfExists(log);
            if (work != null) {
                deleteTree(work);
            }
        }
    }

    /** Waits for the process; stops it when it runs too long or prints too much, and says which. */
    private String watch(Process process, Path log, long start) throws IOException {
        long deadline = start + total.toNanos();
        while (true) {
            try {
                if (process.waitFor(200, TimeUnit.MILLISECONDS)) {
                    return null;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
                return "grading was interrupted";
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                return "the submission took longer than the " + total.toSeconds() + " s allowed for the whole notebook";
            }
            if (Files.size(log) > maxOutputBytes) {
                process.destroyForcibly();
                return "the submission printed more than " + (maxOutputBytes >> 20) + " MiB";
            }
        }
    }

    /** The JSON after the last line that starts with the nonce, reading only the end of the log. */
    private static JsonObject resultLine(Path log, String nonce) throws IOException {
        for (String line : tail(log, 4 << 20).split("\n")) {
            if (line.startsWith(nonce + " ")) {
                try {
                    return JsonParser.parseString(line.substring(nonce.length() + 1)).getAsJsonObject();
                } catch (RuntimeException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static String lastLine(Path log) throws IOException {
        String[] lines = tail(log, 8192).strip().split("\n");
        String last = lines.length == 0 ? "" : lines[lines.length - 1].strip();
        if (last.contains("OutOfMemoryError")) {
            return "; it ran out of memory";
        }
        return last.isEmpty() ? "" : "; its last words: " + (last.length() > 200 ? last.substring(0, 200) + "..." : last);
    }

    private static String tail(Path file, int bytes) throws IOException {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, in.length() - bytes);
            byte[] buffer = new byte[(int) (in.length() - start)];
            in.seek(start);
            in.readFully(buffer);
            return new String(buffer, StandardCharsets.UTF_8);
        }
    }

    /**
     * The shell script that covers each hidden folder with an empty tmpfs, then /tmp too unless the JVM
     * or its class path lives there (a checkout in a temporary folder), and starts the command in a fresh
     * working folder on one of those empty file systems, with {@code HOME} there.
     */
    static String coverScript(List<Path> hidden, List<String> needed) {
        boolean coverTmp = needed.stream().noneMatch(p -> Path.of(p).toAbsolutePath().normalize().startsWith("/tmp"));
        StringBuilder script = new StringBuilder("set -e\n");
        for (Path dir : hidden) {
            script.append("if [ -d ").append(quote(dir.toString())).append(" ]; then mount -t tmpfs -o size=256m tmpfs ")
                    .append(quote(dir.toString())).append("; fi\n");
        }
        String work = coverTmp ? "/tmp/work" : hidden.get(0).resolve(".work").toString();
        if (coverTmp) {
            script.append("mount -t tmpfs -o size=256m tmpfs /tmp\n");
        }
        script.append("mkdir -p ").append(quote(work)).append("\ncd ").append(quote(work))
                .append("\nexport HOME=\"$PWD\"\nexec \"$@\"\n");
        return script.toString();
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    /** This JVM's class path with absolute entries: the submission starts in another folder. */
    private static String classPath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(File.pathSeparator));
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
