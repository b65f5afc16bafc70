package coursekit.grading;

import coursekit.io.Checksum;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Gradescope's autograder bundle for an assignment ({@code ./kit gradescope}): a zip with {@code setup.sh} and
 * {@code run_autograder} at its root, as Gradescope's autograder specification asks, and beside them
 * {@code assignment/NAME/} (the source notebook and every test, hidden ones included: the bundle is the instructor's
 * and only the grader on Gradescope's machine reads it), {@code kit/} (the kit's own jars, and in
 * {@code dependencies.txt} the SHA-256 and Maven Central path of every other jar, which {@code setup.sh} downloads
 * and checks), and {@code grading.env} (the limits and what to fetch).
 */
final class GradescopeBundle {

    static final String MAVEN_CENTRAL = "https://repo.maven.apache.org/maven2/";

    private GradescopeBundle() {}

    /**
     * Writes the bundle to {@code zip} atomically.
     *
     * @param classPath the grader's class path: jars of a local Maven repository become download lines, the
     *                  kit's own jars and class folders travel inside
     */
    static void write(Assignment assignment, Path zip, Grader.Limits limits, String classPath) {
        Path target = zip.toAbsolutePath().normalize();
        Path temp = target.resolveSibling("." + target.getFileName() + ".part");
        try {
            Files.createDirectories(target.getParent());
            Files.deleteIfExists(temp);
            // The JDK's zip file system keeps Unix modes, so that both scripts arrive executable.
            try (FileSystem out = FileSystems.newFileSystem(temp, Map.of("create", "true", "enablePosixFileAttributes", "true"))) {
                add(out, "setup.sh", resource("setup.sh"), true);
                add(out, "run_autograder", resource("run_autograder"), true);
                add(out, "grading.env", settings(assignment, limits).getBytes(StandardCharsets.UTF_8), false);
                add(out, "assignment/" + assignment.name() + "/" + Assignment.SOURCE, Files.readAllBytes(assignment.source()), false);
                try (Stream<Path> tests = Files.list(assignment.folder().resolve("tests"))) {
                    for (Path test : tests.filter(p -> p.getFileName().toString().endsWith(".jsh")).sorted().toList()) {
                        add(out, "assignment/" + assignment.name() + "/tests/" + test.getFileName(), Files.readAllBytes(test), false);
                    }
                }
                StringBuilder downloads = new StringBuilder();
                int own = 0;
                for (String entry : classPath.split(File.pathSeparator)) {
                    Path path = entry.isBlank() ? null : Path.of(entry).toAbsolutePath().normalize();
                    String maven = path == null ? null : mavenPath(path);
                    if (maven != null) {
                        downloads.append(sha256(path)).append("  ").append(maven).append('\n');
                    } else if (path != null && Files.isDirectory(path)) {
                        add(out, String.format(Locale.ROOT, "kit/coursekit-%02d.jar", own++), jarOf(path), false);
                    } else if (path != null && Files.isRegularFile(path)) {
                        add(out, String.format(Locale.ROOT, "kit/coursekit-%02d-%s", own++, path.getFileName()), Files.readAllBytes(path), false);
                    }
                }
                add(out, "kit/dependencies.txt", downloads.toString().getBytes(StandardCharsets.UTF_8), false);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the Gradescope bundle " + target + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // Only a leftover part file; the bundle itself was written whole or not at all.
            }
        }
    }

    /** What {@code run_autograder} reads: the limits, the notebook's expected name, and what {@code setup.sh} fetches. */
    static String settings(Assignment assignment, Grader.Limits limits) throws IOException {
        StringBuilder code = new StringBuilder(Files.readString(assignment.source(), StandardCharsets.UTF_8));
        assignment.tests().forEach(t -> code.append('\n').append(t.code()));
        // What the notebook and its tests load, fetched once when Gradescope builds the image; submissions run offline.
        StringBuilder fetch = new StringBuilder();
        if (code.toString().toLowerCase(Locale.ROOT).contains("mobilenet")) {
            fetch.append(" mobilenet").append(code.indexOf("0.75") >= 0 ? " mobilenet-0.75" : "");
        }
        if (code.indexOf("catsAndDogs") >= 0) {
            fetch.append(" cats-and-dogs");
        }
        return "ASSIGNMENT_NAME=" + assignment.name() + "\n"
                + "CELL_TIMEOUT=" + limits.cell().toSeconds() + "\n"
                + "TEST_TIMEOUT=" + limits.test().toSeconds() + "\n"
                + "TIMEOUT=" + limits.total().toSeconds() + "\n"
                + "MEMORY=" + limits.memory() + "\n"
                + "FETCH=\"" + fetch.toString().strip() + "\"\n";
    }

    /**
     * The path of {@code jar} inside a Maven repository layout ({@code group/artifact/version/artifact-version.jar}),
     * or {@code null} when it is not in one.
     */
    static String mavenPath(Path jar) {
        String text = jar.toString().replace(File.separatorChar, '/');
        int at = text.indexOf("/.m2/repository/");
        if (at < 0 || !text.endsWith(".jar")) {
            return null;
        }
        String relative = text.substring(at + "/.m2/repository/".length());
        String[] parts = relative.split("/");
        if (parts.length < 4 || !parts[parts.length - 1].startsWith(parts[parts.length - 3] + "-" + parts[parts.length - 2])) {
            return null;
        }
        // A SNAPSHOT of the kit installed locally is the kit's own: it is not on Maven Central.
        return relative.contains("SNAPSHOT") ? null : relative;
    }

    private static byte[] jarOf(Path classes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes); Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                jar.putNextEntry(new JarEntry(classes.relativize(file).toString().replace(File.separatorChar, '/')));
                jar.write(Files.readAllBytes(file));
                jar.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static void add(FileSystem zip, String name, byte[] content, boolean executable) throws IOException {
        Path entry = zip.getPath(name);
        if (entry.getParent() != null) {
            Files.createDirectories(entry.getParent());
        }
        Files.write(entry, content);
        Files.setPosixFilePermissions(entry, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = GradescopeBundle.class.getResourceAsStream("gradescope/" + name)) {
            if (in == null) {
                throw new IOException("the kit has no gradescope/" + name + " (a broken build)");
            }
            return in.readAllBytes();
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Checksum.hex("SHA-256", in);
        }
    }
}
