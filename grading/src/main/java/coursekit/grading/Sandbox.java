package coursekit.grading;

import coursekit.data.Datasets;
import coursekit.io.Downloader;
import coursekit.weights.WeightsDirectory;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one {@link Job} in a JVM of its own ({@link SandboxMain}) with a memory cap, a time limit for the
 * whole run, an exact cap on what it may print, the {@link SandboxPolicy} and only the JDK modules that
 * notebooks need (no {@code java.management}, {@code jdk.management}, {@code jdk.unsupported},
 * {@code java.instrument}; the attach mechanism off), and takes its report from a {@link ResultChannel}.
 * Where Linux allows unprivileged namespaces it also runs the JVM in new user, mount, network and PID
 * namespaces, in a root of its own ({@link SandboxScript}): no network, no {@code /proc}, nothing of the
 * machine but read-only system folders and the kit's class path ({@link KitFolder}), and every process of the submission
 * killed with it. The threat model is in {@code docs/grading.md}.
 */
final class Sandbox {

    /** How a submission's process is kept apart from the rest of the machine. */
    enum Isolation {
        /** User, mount, network and PID namespaces and a root of its own. */
        NAMESPACES,
        /** The security manager and a fresh working folder only. */
        NONE;

        static Isolation detect() {
            try {
                Process probe = new ProcessBuilder("unshare", "-rnm", "--pid", "--kill-child", "--", "chroot", "/", "true")
                        .redirectErrorStream(true).start();
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

    /** What a run produced: the report, or why there is none, and how long it took. */
    record Outcome(JsonObject report, String failure, double seconds) {}

    /** The JDK modules a submission's JVM may use; what they require comes with them. */
    static final String MODULES = String.join(",", "java.base", "java.compiler", "java.datatransfer", "java.desktop",
            "java.logging", "java.naming", "java.net.http", "java.prefs", "java.scripting", "java.sql", "java.xml",
            "jdk.charsets", "jdk.crypto.ec", "jdk.jshell", "jdk.localedata", "jdk.zipfs");

    private final Isolation isolation;
    private final String memory;
    private final Duration total;
    private final long maxOutputBytes;
    private final Path scratch;
    private String kit;

    /**
     * @param memory         the heap cap, as for {@code -Xmx} (e.g. {@code 768m})
     * @param total          the time limit for the whole run
     * @param maxOutputBytes what the process may print before it is stopped
     * @param scratch        a folder of the grader's for logs, roots and, without namespaces, working folders
     */
    Sandbox(Isolation isolation, String memory, Duration total, long maxOutputBytes, Path scratch) {
        this.isolation = isolation;
        this.memory = memory;
        this.total = total;
        this.maxOutputBytes = maxOutputBytes;
        this.scratch = scratch;
    }

    Isolation isolation() {
        return isolation;
    }

    /** Runs {@code job}; never throws for anything the submission does. */
    Outcome run(Job job, String label) throws IOException {
        Files.createDirectories(scratch);
        Path log = Files.createTempFile(scratch, "log-", ".txt");
        Path place = Files.createTempDirectory(scratch, isolation == Isolation.NAMESPACES ? "root-" : "work-");
        try (ResultChannel channel = ResultChannel.open()) {
            return run(job, log, place, channel);
        } finally {
            Files.deleteIfExists(log);
            deleteTree(place);
        }
    }

    private Outcome run(Job job, Path log, Path place, ResultChannel channel) throws IOException {
        boolean namespaces = isolation == Isolation.NAMESPACES;
        String classPath = kit();
        List<Path> shown = new ArrayList<>(List.of(Path.of("/usr"), Path.of("/etc"), scratch.resolve("kit")));
        if (!Path.of(javaHome()).startsWith("/usr")) {
            shown.add(Path.of(javaHome()));
        }
        shown.add(nativeCache());
        shown.add(channel.folder());
        // The pretrained weights and datasets the notebooks load, fetched by the grader beforehand: read-only.
        List<Path> assets = List.of(WeightsDirectory.standard().root(), Datasets.dataDirectory().toAbsolutePath().normalize());
        shown.addAll(assets);
        String work = namespaces ? SandboxScript.workFolder(shown) : place.toString();
        String tmp = namespaces ? "/tmp" : place.toString();
        List<String> readable = new ArrayList<>(List.of(scratch.resolve("kit").toString()));
        readable.addAll(List.of(javaHome(), "/usr", "/etc", "/lib", "/lib64", "/dev/null", "/dev/zero", "/dev/random",
                "/dev/urandom", nativeCache().toString(), channel.folder().toString(), work));
        assets.forEach(folder -> readable.add(folder.toString()));
        List<String> command = new ArrayList<>();
        if (namespaces) {
            command.addAll(List.of("unshare", "-rnm", "--pid", "--kill-child", "--", "sh", "-c",
                    SandboxScript.build(place, shown, 512L << 20), "sandbox"));
        }
        command.addAll(List.of(Path.of(javaHome(), "bin", "java").toString(), "-Xmx" + memory, "-Xss4m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:+DisableAttachMechanism", "-XX:-UsePerfData",
                "--limit-modules", MODULES, "-Djava.security.manager=allow", "-Dcoursekit.sandbox.policy=true",
                "-D" + SandboxPolicy.READ + "=" + String.join(File.pathSeparator, readable),
                "-D" + SandboxPolicy.WRITE + "=" + work + File.pathSeparator + tmp,
                "-Duser.home=" + work, "-Djava.io.tmpdir=" + tmp, "-DENGINE_CACHE_DIR=" + nativeCache(),
                "-Djava.awt.headless=true", "-Dai.djl.offline=true",
                "-cp", classPath, SandboxMain.class.getName(), channel.socket().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(place.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().retainAll(List.of("PATH", "LANG", "LC_ALL", "COURSEKIT_QUICK", "OMP_NUM_THREADS", "LD_PRELOAD"));
        env.put(WeightsDirectory.VARIABLE, assets.get(0).toString());
        env.put(Datasets.DATA_ENV, assets.get(1).toString());
        env.put(Downloader.OFFLINE_VARIABLE, "1");
        env.putIfAbsent("OMP_NUM_THREADS", "1");
        env.put("HOME", work);
        // Without /proc the dynamic linker cannot find the launcher's libraries by itself.
        env.put("LD_LIBRARY_PATH", Path.of(javaHome(), "lib").toString());
        long start = System.nanoTime();
        Process process = builder.start();
        AtomicBoolean flooded = new AtomicBoolean();
        Thread copier = copy(process.getInputStream(), log, flooded);
        OutputStream in = process.getOutputStream();
        try {
            try {
                byte[] text = job.toJson().getBytes(StandardCharsets.UTF_8);
                DataOutputStream data = new DataOutputStream(in);
                data.writeInt(text.length);
                data.write(text);
                data.flush();
            } catch (IOException closedEarly) {
                // The process died before reading its job; its exit says why.
            }
            String stopped = watch(process, channel, flooded, start);
            copier.join(2000);
            double seconds = (System.nanoTime() - start) / 1e9;
            String text = channel.report();
            if (text != null && stopped == null) {
                try {
                    return new Outcome(JsonParser.parseString(text).getAsJsonObject(), null, seconds);
                } catch (RuntimeException e) {
                    return new Outcome(null, "the grader received a broken report", seconds);
                }
            }
            if (stopped != null) {
                return new Outcome(null, stopped, seconds);
            }
            return new Outcome(null, "the submission's process ended (exit status " + process.exitValue()
                    + ") before its tests could run" + lastLine(log), seconds);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "grading was interrupted", (System.nanoTime() - start) / 1e9);
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            in.close();
        }
    }

    /** Waits for the process; stops it when it runs too long or prints too much, and says which. */
    private String watch(Process process, ResultChannel channel, AtomicBoolean flooded, long start) throws IOException {
        long deadline = start + total.toNanos();
        while (true) {
            try {
                if (process.waitFor(100, TimeUnit.MILLISECONDS)) {
                    return flooded.get() ? printedTooMuch() : null;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "grading was interrupted";
            }
            channel.poll();
            if (flooded.get()) {
                return printedTooMuch();
            }
            if (System.nanoTime() > deadline) {
                return "the submission took longer than the " + total.toSeconds() + " s allowed for the whole notebook";
            }
        }
    }

    private String printedTooMuch() {
        return "the submission printed more than " + (maxOutputBytes >> 20) + " MiB";
    }

    /** Copies the process's output into {@code log} up to the cap, then raises {@code flooded} and reads no more. */
    private Thread copy(InputStream from, Path log, AtomicBoolean flooded) {
        Thread thread = new Thread(() -> {
            try (from; OutputStream to = Files.newOutputStream(log)) {
                byte[] buffer = new byte[64 << 10];
                long written = 0;
                int n;
                while ((n = from.read(buffer)) >= 0) {
                    int room = (int) Math.min(n, maxOutputBytes - written);
                    to.write(buffer, 0, room);
                    written += room;
                    if (room < n) {
                        flooded.set(true);
                        return;
                    }
                }
            } catch (IOException ignored) {
                // The process was killed while printing.
            }
        }, "sandbox-output");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static String lastLine(Path log) throws IOException {
        String[] lines;
        try (RandomAccessFile in = new RandomAccessFile(log.toFile(), "r")) {
            long from = Math.max(0, in.length() - 8192);
            byte[] buffer = new byte[(int) (in.length() - from)];
            in.seek(from);
            in.readFully(buffer);
            lines = new String(buffer, StandardCharsets.UTF_8).strip().split("\n");
        }
        // The last line that says something: a stack trace's frames are skipped for the exception above them.
        String last = "";
        for (int i = lines.length - 1; i >= 0 && last.isEmpty(); i--) {
            String line = lines[i].strip();
            if (!line.startsWith("at ") && !line.matches("\\.\\.\\. [0-9]+ more")) {
                last = line;
            }
        }
        if (last.contains("OutOfMemoryError")) {
            return "; it ran out of memory";
        }
        return last.isEmpty() ? "" : "; its last words: " + (last.length() > 200 ? last.substring(0, 200) + "..." : last);
    }

    /** The kit's class path in the grader's kit folder, gathered on first use (see {@link KitFolder}). */
    private synchronized String kit() throws IOException {
        if (kit == null) {
            kit = KitFolder.prepare(scratch.resolve("kit"), classPath());
            NativeCache.ensure(nativeCache(), kit, Path.of(javaHome(), "bin", "java").toString());
        }
        return kit;
    }

    /** This JVM's class path with absolute entries: the submission starts in another folder. */
    static String classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().normalize().toString())
                .collect(java.util.stream.Collectors.joining(File.pathSeparator));
    }

    private static String javaHome() {
        return System.getProperty("java.home");
    }

    /** Where DJL keeps the engines' native libraries it unpacked: read-only for submissions. */
    static Path nativeCache() {
        String set = System.getProperty("ENGINE_CACHE_DIR", System.getenv("ENGINE_CACHE_DIR"));
        return set != null ? Path.of(set).toAbsolutePath() : Path.of(System.getProperty("user.home"), ".djl.ai");
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
