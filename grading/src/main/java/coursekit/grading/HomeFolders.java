package coursekit.grading;

import coursekit.io.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;

/**
 * An assignment handed out through the students' home folders on a shared server (a JupyterHub): {@code
 * ./kit distribute} copies the released notebook and its public tests into {@code HOME/NAME/} of every student,
 * and {@code ./kit collect} copies each {@code HOME/NAME/NAME.ipynb} back into one folder as {@code STUDENT.ipynb},
 * ready for {@code ./kit grade}. The home folders are the students', so nothing in them is trusted: links are
 * never followed, a file must belong to the owner of its home folder, and only readable notebooks are collected.
 */
final class HomeFolders {

    private HomeFolders() {}

    /** What one run did: how many students were served, and a sentence for each one left out. */
    record Outcome(int done, List<String> leftOut) {}

    /**
     * Copies {@code release/NAME.ipynb} and {@code release/tests/} into {@code HOME/NAME/} of each folder of
     * {@code homes}, owned by that folder's owner. A notebook already there is the student's work and stays.
     */
    static Outcome distribute(Path release, String name, Path homes, PrintStream log) throws IOException {
        Path notebook = release.resolve(name + ".ipynb");
        if (!Files.isRegularFile(notebook)) {
            throw new GradingException(release + " holds no " + name + ".ipynb; give the folder ./kit release wrote.");
        }
        int done = 0;
        List<String> leftOut = new ArrayList<>();
        for (Path home : homeFolders(homes)) {
            String student = home.getFileName().toString();
            UserPrincipal owner = Files.getOwner(home, LinkOption.NOFOLLOW_LINKS);
            Path target = home.resolve(name);
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                leftOut.add(student + ": " + target + " is not a folder (a link or a file); nothing was copied there.");
                continue;
            }
            Files.createDirectories(target.resolve("tests"));
            Path copy = target.resolve(name + ".ipynb");
            boolean kept = Files.exists(copy, LinkOption.NOFOLLOW_LINKS);
            if (!kept) {
                Files.copy(notebook, copy);
            }
            try (DirectoryStream<Path> tests = Files.newDirectoryStream(release.resolve("tests"), "*.jsh")) {
                for (Path test : tests) {
                    AtomicFiles.write(target.resolve("tests").resolve(test.getFileName().toString()), Files.readAllBytes(test));
                }
            }
            for (Path made : List.of(target, target.resolve("tests"), copy)) {
                Files.setOwner(made, owner);
            }
            try (DirectoryStream<Path> tests = Files.newDirectoryStream(target.resolve("tests"))) {
                for (Path test : tests) {
                    Files.setOwner(test, owner);
                }
            }
            log.println("  " + student + ": " + (kept ? "tests updated; their " + name + ".ipynb was there already and stays" : "handed out"));
            done++;
        }
        return new Outcome(done, leftOut);
    }

    /** Copies each student's {@code HOME/NAME/NAME.ipynb} to {@code out/STUDENT.ipynb}; a sentence for each one left out. */
    static Outcome collect(Path homes, String name, Path out, PrintStream log) throws IOException {
        Files.createDirectories(out);
        int done = 0;
        List<String> leftOut = new ArrayList<>();
        for (Path home : homeFolders(homes)) {
            String student = home.getFileName().toString();
            String why = null;
            byte[] content = null;
            Path folder = home.resolve(name);
            Path notebook = folder.resolve(name + ".ipynb");
            if (Files.isSymbolicLink(folder) || Files.isSymbolicLink(notebook)) {
                why = "its " + name + "/" + name + ".ipynb is a link, which is never followed; not collected.";
            } else if (!Files.exists(notebook, LinkOption.NOFOLLOW_LINKS)) {
                why = "no " + name + "/" + name + ".ipynb.";
            } else if (!Files.isRegularFile(notebook, LinkOption.NOFOLLOW_LINKS)) {
                why = "its " + name + ".ipynb is not a regular file; not collected.";
            } else if (!Files.getOwner(notebook, LinkOption.NOFOLLOW_LINKS).equals(Files.getOwner(home, LinkOption.NOFOLLOW_LINKS))) {
                why = "its " + name + ".ipynb belongs to " + Files.getOwner(notebook, LinkOption.NOFOLLOW_LINKS).getName()
                        + ", not to the owner of the home folder; not collected.";
            } else {
                content = read(notebook);
                why = content == null ? "its " + name + ".ipynb is larger than " + (Assignment.MAX_NOTEBOOK_BYTES >> 20) + " MiB; not collected." : notANotebook(content);
            }
            if (why != null) {
                leftOut.add(student + ": " + why);
                continue;
            }
            AtomicFiles.write(out.resolve(Submissions.fileName(student) + ".ipynb"), content);
            log.println("  " + student + ": collected");
            done++;
        }
        return new Outcome(done, leftOut);
    }

    /** The folders directly in {@code homes}, links left out, in name order. */
    private static List<Path> homeFolders(Path homes) throws IOException {
        if (!Files.isDirectory(homes)) {
            throw new GradingException("There is no folder " + homes + "; give the folder that holds the students' home folders, e.g. /home.");
        }
        List<Path> folders = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(homes)) {
            for (Path entry : entries) {
                if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    folders.add(entry);
                }
            }
        }
        folders.sort(null);
        return folders;
    }

    /** The file's bytes, opened without following a link (the file may change between the checks and now); null if too large. */
    private static byte[] read(Path file) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
             InputStream in = Channels.newInputStream(channel)) {
            byte[] bytes = in.readNBytes((int) Assignment.MAX_NOTEBOOK_BYTES + 1);
            return bytes.length > Assignment.MAX_NOTEBOOK_BYTES ? null : bytes;
        }
    }

    /** Why {@code content} is not a notebook the grader can read, or {@code null} when it is one. */
    private static String notANotebook(byte[] content) throws IOException {
        Path temp = Files.createTempFile("collect-", ".ipynb");
        try {
            Files.write(temp, content);
            Assignment.codeCells(temp);
            return null;
        } catch (IOException e) {
            return e.getMessage().replace(temp.getFileName().toString(), "the notebook") + " Not collected.";
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
