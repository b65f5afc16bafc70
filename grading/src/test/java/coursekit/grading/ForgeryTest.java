package coursekit.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Submissions that attack the grader rather than answer the question: each earns nothing, leaks nothing and
 * leaves nothing behind. Every one of them wrote the wrong answer, so any point it earns is forged.
 */
class ForgeryTest {

    private static final String WRONG = "int twice(int n) { return 0; }";
    private static final String MARK = "ck-" + UUID.randomUUID();
    private static final String SHM = "/dev/shm/" + MARK;
    private static final Path M2 = Path.of(System.getProperty("user.home"), ".m2", MARK);
    private static final String SLEEP = "987" + (System.nanoTime() % 1000);

    @TempDir
    static Path dir;
    static Map<String, Graded> graded;
    static Path out;

    @BeforeAll
    static void gradeAll() throws IOException {
        Assignment assignment = Fixtures.assignment(dir);
        Path submissions = Files.createDirectories(dir.resolve("submissions"));
        out = dir.resolve("grades");
        Fixtures.notebook(submissions.resolve("shadows-assertions.ipynb"),
                "void assertEquals(int expected, int actual, String message) { }", WRONG);
        Fixtures.notebook(submissions.resolve("races-the-hand-over.ipynb"), """
                var slot = coursekit.check.Checks.class.getDeclaredField("HANDED");
                slot.setAccessible(true);
                var handed = (java.util.concurrent.atomic.AtomicReference<?>) slot.get(null);
                var racer = new Thread(() -> {
                    while (true) {
                        try {
                            Object h = handed.get();
                            if (h == null) continue;
                            var token = h.getClass().getDeclaredMethod("token");
                            token.setAccessible(true);
                            coursekit.check.Checks.hand((String) token.invoke(h), () -> { });
                        } catch (Throwable t) { }
                    }
                });
                racer.setDaemon(true);
                racer.start();
                """, WRONG);
        Fixtures.notebook(submissions.resolve("leaks-hidden-tests.ipynb"), """
                var bean = java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
                bean.dumpHeap(Path.of("heap.hprof").toAbsolutePath().toString(), false);
                var text = new String(Files.readAllBytes(Path.of("heap.hprof")), java.nio.charset.StandardCharsets.ISO_8859_1);
                int at = text.indexOf("SECRET-HIDDEN");
                if (at >= 0) throw new RuntimeException(text.substring(Math.max(0, at - 60), at + 30));
                """, WRONG);
        Fixtures.notebook(submissions.resolve("dumps-the-heap.ipynb"), """
                var bean = java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
                var dump = Path.of("heap.hprof").toAbsolutePath();
                bean.dumpHeap(dump.toString(), false);
                var text = new String(Files.readAllBytes(dump), java.nio.charset.StandardCharsets.ISO_8859_1);
                var m = Pattern.compile("coursekit-result-[0-9a-f]{32}").matcher(text);
                var real = new PrintStream(new FileOutputStream(FileDescriptor.out), true);
                while (m.find()) {
                    real.println(m.group() + " {\\"cells\\":[],\\"tests\\":[{\\"id\\":\\"q1/doubles\\",\\"passed\\":true,\\"message\\":\\"\\"},"
                            + "{\\"id\\":\\"q1/negatives\\",\\"passed\\":true,\\"message\\":\\"\\"}]}");
                }
                """, WRONG);
        Fixtures.notebook(submissions.resolve("prints-result-lines.ipynb"), """
                var real = new PrintStream(new FileOutputStream(FileDescriptor.out), true);
                for (int i = 0; i < 100; i++) {
                    real.println("{\\"cells\\":[],\\"tests\\":[{\\"id\\":\\"q1/doubles\\",\\"passed\\":true,\\"message\\":\\"\\"}]}");
                }
                """, WRONG);
        Fixtures.notebook(submissions.resolve("leaves-processes.ipynb"),
                "new ProcessBuilder(\"sh\", \"-c\", \"(sleep " + SLEEP + " &); (sleep " + SLEEP + " &)\").start().waitFor();", WRONG);
        Fixtures.notebook(submissions.resolve("writes-outside.ipynb"), """
                for (String p : List.of("%s", System.getProperty("java.class.path").split(File.pathSeparator)[0] + "/%s",
                        "%s")) {
                    try { Files.writeString(Path.of(p), "x"); } catch (Exception e) { System.out.println(e); }
                }
                """.formatted(SHM, MARK, M2.toString()), WRONG);
        Fixtures.notebook(submissions.resolve("floods-stdout.ipynb"), """
                var raw = new FileOutputStream(FileDescriptor.out);
                byte[] block = new byte[1 << 20];
                java.util.Arrays.fill(block, (byte) 'x');
                for (int i = 0; i < 64; i++) raw.write(block);
                """, "int twice(int n) { return 2 * n; }");
        Fixtures.notebook(submissions.resolve("refuses-halt.ipynb"), """
                var keeper = new Thread(() -> { while (true) { try { Thread.sleep(1000); } catch (Throwable t) { } } });
                keeper.setDaemon(false);
                keeper.start();
                System.setSecurityManager(new SecurityManager() {
                    public void checkPermission(java.security.Permission p) { }
                    public void checkExit(int status) { throw new SecurityException("no"); }
                });
                """, "int twice(int n) { return 2 * n; }");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Grader grader = new Grader(assignment, submissions, out, 2, Fixtures.limits(), Sandbox.Isolation.detect(),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        graded = grader.grade().stream().collect(Collectors.toMap(Graded::student, Function.identity()));
    }

    @AfterAll
    static void cleanUp() throws IOException {
        Files.deleteIfExists(Path.of(SHM));
        Files.deleteIfExists(M2);
    }

    private static String why(String student) {
        Graded g = graded.get(student);
        return g.failure() + " | cells: " + g.cellErrors() + " | tests: "
                + g.outcomes().stream().map(o -> o.test().name() + "=" + o.passed() + " " + o.message()).toList();
    }

    @Test
    void aSubmissionsOwnAssertEqualsIsSetAsideBeforeTheTests() {
        assertEquals(0, graded.get("shadows-assertions").total(), why("shadows-assertions"));
        assertTrue(graded.get("shadows-assertions").cellErrors().stream().anyMatch(e -> e.contains("assertEquals was set aside")),
                why("shadows-assertions"));
    }

    @Test
    void aThreadRacingTheHandOverOfTestBodiesForgesNothing() {
        assertEquals(0, graded.get("races-the-hand-over").total(), why("races-the-hand-over"));
    }

    @Test
    void aHeapDumpIsNotPossibleSoNoResultLineCanBeForged() {
        Graded g = graded.get("dumps-the-heap");
        assertEquals(0, g.total(), why("dumps-the-heap"));
        assertTrue(g.cellErrors().get(0).startsWith("cell 1: ") && g.cellErrors().get(0).contains("HotSpotDiagnosticMXBean"),
                why("dumps-the-heap"));
    }

    @Test
    void printedLinesNeverCountAsTheReport() {
        assertEquals(0, graded.get("prints-result-lines").total(), why("prints-result-lines"));
    }

    @Test
    void noHiddenTestCodeOrMessageReachesAnythingAStudentReads() throws IOException {
        for (Path file : files(out.resolve("feedback"), out.resolve("gradescope"))) {
            String text = Files.readString(file);
            assertFalse(text.contains("SECRET-HIDDEN-MESSAGE") || text.contains("twice(-4)"), file + ": " + text);
        }
    }

    @Test
    void savedResultsKeepNoTestCode() throws IOException {
        for (Path file : files(out.resolve(".results"))) {
            assertFalse(Files.readString(file).contains("twice(-4)"), file.toString());
        }
    }

    @Test
    void noProcessOfASubmissionOutlivesIt() {
        List<String> left = ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse(""))
                .filter(line -> line.contains("sleep " + SLEEP)).toList();
        assertTrue(left.isEmpty(), left.toString());
        assertEquals(0, graded.get("leaves-processes").total(), why("leaves-processes"));
    }

    @Test
    void nothingIsWrittenOutsideTheSubmissionsOwnFolder() throws IOException {
        assertFalse(Files.exists(Path.of(SHM)), SHM);
        assertFalse(Files.exists(M2), M2.toString());
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            assertFalse(Files.exists(Path.of(entry).resolve(MARK)), entry);
        }
        try (Stream<Path> found = Files.walk(dir)) {
            assertEquals(List.of(), found.filter(p -> p.getFileName().toString().equals(MARK)).toList());
        }
    }

    @Test
    void printingPastTheCapStopsTheSubmission() {
        Graded g = graded.get("floods-stdout");
        assertEquals(0, g.total(), why("floods-stdout"));
        assertEquals("the submission printed more than 8 MiB", g.failure());
    }

    @Test
    void aSecurityManagerOfTheSubmissionsCannotHoldTheWorker() {
        Graded g = graded.get("refuses-halt");
        assertEquals(3, g.total(), why("refuses-halt"));
        assertTrue(g.seconds() < 30, "took " + g.seconds() + " s");
    }

    private static List<Path> files(Path... folders) throws IOException {
        List<Path> all = new java.util.ArrayList<>();
        for (Path folder : folders) {
            try (Stream<Path> walk = Files.walk(folder)) {
                walk.filter(Files::isRegularFile).forEach(all::add);
            }
        }
        assertFalse(all.isEmpty());
        return all;
    }
}
