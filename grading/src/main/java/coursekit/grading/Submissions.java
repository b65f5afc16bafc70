package coursekit.grading;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Everything in a submissions folder, one entry per input, each with a student name that no other entry
 * has and a file name for its reports that no other entry's can overwrite: {@code NAME.ipynb} files (any
 * case of the extension) and {@code NAME/} folders with their notebooks. Whatever cannot be graded (a link
 * that leads out of the folder or to nothing, a FIFO, a file that is not a notebook, an empty folder) gets
 * an entry too, with the reason, so that it has a row in the gradebook.
 */
final class Submissions {

    /**
     * One input.
     *
     * @param student  the name in the gradebook, unique
     * @param notebook the notebook to grade (its real path), or {@code null} when there is none
     * @param fileName the base name of its reports, unique, safe on any file system
     * @param problem  why it is not graded, or {@code null}
     * @param note     what the instructor should know about the name (a collision), or {@code null}
     */
    record Entry(String student, Path notebook, String fileName, String problem, String note) {}

    private static final int MAX_FILE_NAME = 80;

    private Submissions() {}

    static List<Entry> list(Path folder, Path assignment) throws IOException {
        Path root = folder.toRealPath();
        Path forbidden = assignment.toRealPath();
        List<String[]> raw = new ArrayList<>();
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path entry : entries.sorted().toList()) {
                inspect(entry, root, forbidden, raw, paths);
            }
        }
        Set<String> students = new HashSet<>();
        Set<String> files = new HashSet<>();
        List<Entry> listed = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String[] r = raw.get(i);
            String student = r[0];
            String note = null;
            if (!students.add(student)) {
                String first = student;
                student = r[2];
                for (int n = 2; !students.add(student); n++) {
                    student = r[2] + " (" + n + ")";
                }
                note = "another submission is also named " + first + "; this one is listed under " + student;
            }
            String fileName = fileName(student);
            if (!files.add(fileName.toLowerCase(Locale.ROOT))) {
                fileName = shorten(fileName, 60) + "-" + digest(student);
                files.add(fileName.toLowerCase(Locale.ROOT));
                note = (note == null ? "" : note + "; ") + "its report files are named " + fileName
                        + " because another student's name gives the same file name";
            }
            listed.add(new Entry(student, paths.get(i), fileName, r[1], note));
        }
        return listed;
    }

    /** Adds the entries of one item of the folder: {student, problem, name as given} and the notebook. */
    private static void inspect(Path entry, Path root, Path forbidden, List<String[]> raw, List<Path> paths) {
        String name = entry.getFileName().toString();
        Path real;
        BasicFileAttributes attributes;
        try {
            BasicFileAttributes own = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (own.isSymbolicLink() && !Files.exists(entry)) {
                add(raw, paths, stem(name), "it is a link to nothing", name, null);
                return;
            }
            real = entry.toRealPath();
            attributes = Files.readAttributes(real, BasicFileAttributes.class);
        } catch (IOException e) {
            add(raw, paths, stem(name), "it cannot be read (" + e.getMessage() + ")", name, null);
            return;
        }
        if (!real.startsWith(root) || real.startsWith(forbidden)) {
            add(raw, paths, stem(name), "it is a link to something outside the submissions folder, which is not graded", name, null);
        } else if (attributes.isRegularFile()) {
            boolean notebook = name.toLowerCase(Locale.ROOT).endsWith(".ipynb");
            add(raw, paths, stem(name), notebook ? null : "it is not a notebook (.ipynb)", name, notebook ? real : null);
        } else if (attributes.isDirectory()) {
            folder(entry, name, root, forbidden, raw, paths);
        } else {
            add(raw, paths, stem(name), "it is not a regular file (a FIFO, a socket or a device)", name, null);
        }
    }

    /** A student's folder: each notebook in it (following no link out), or one entry saying there is none. */
    private static void folder(Path dir, String name, Path root, Path forbidden, List<String[]> raw, List<Path> paths) {
        List<Path> notebooks = new ArrayList<>();
        try (Stream<Path> inside = Files.list(dir)) {
            for (Path p : inside.sorted().toList()) {
                if (!p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ipynb")) {
                    continue;
                }
                Path real = p.toRealPath();
                if (real.startsWith(root) && !real.startsWith(forbidden) && Files.isRegularFile(real)) {
                    notebooks.add(real);
                } else {
                    add(raw, paths, name + "/" + stem(p.getFileName().toString()),
                            "it is a link to something outside the submissions folder, or not a file", name + "/" + p.getFileName(), null);
                }
            }
        } catch (IOException e) {
            add(raw, paths, name, "its folder cannot be read (" + e.getMessage() + ")", name + "/", null);
            return;
        }
        if (notebooks.isEmpty()) {
            add(raw, paths, name, "no notebook was submitted (expected a .ipynb file in " + name + "/)", name + "/", null);
        } else if (notebooks.size() == 1) {
            add(raw, paths, name, null, name + "/", notebooks.get(0));
        } else {
            for (Path notebook : notebooks) {
                String file = notebook.getFileName().toString();
                add(raw, paths, name + "/" + stem(file), null, name + "/" + file, notebook);
            }
        }
    }

    private static void add(List<String[]> raw, List<Path> paths, String student, String problem, String given, Path notebook) {
        raw.add(new String[] {student.isEmpty() ? given : student, problem, given});
        paths.add(notebook);
    }

    private static String stem(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".ipynb") ? name.substring(0, name.length() - ".ipynb".length()) : name;
    }

    /** Letters, digits, {@code . _ -} only, never starting with a dot, at most {@value #MAX_FILE_NAME} characters. */
    static String fileName(String student) {
        String safe = student.replaceAll("[^A-Za-z0-9._-]", "_");
        if (safe.isEmpty() || safe.startsWith(".")) {
            safe = "_" + safe;
        }
        return safe.length() > MAX_FILE_NAME ? shorten(safe, MAX_FILE_NAME - 9) + "-" + digest(student) : safe;
    }

    private static String shorten(String text, int length) {
        return text.length() > length ? text.substring(0, length) : text;
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
