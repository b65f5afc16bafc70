package coursekit.grading;

import coursekit.check.TestCase;
import coursekit.check.TestFiles;
import coursekit.kernel.run.NotebookFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An assignment's folder: {@code source.ipynb} (the instructor's notebook, solutions marked) and
 * {@code tests/QUESTION.jsh} (public and hidden tests). {@code written} names the questions answered in words
 * ({@link WrittenAnswers}), in the notebook's order.
 */
record Assignment(Path folder, String name, List<TestCase> tests, ReservedNames.Names reserved, List<String> written) {

    static final String SOURCE = "source.ipynb";

    static Assignment open(Path folder) {
        Path dir = folder.toAbsolutePath().normalize();
        if (!Files.isRegularFile(dir.resolve(SOURCE))) {
            throw new GradingException(dir + " is not an assignment: it has no " + SOURCE
                    + " (an assignment folder holds source.ipynb and tests/).");
        }
        List<TestCase> tests = TestFiles.read(dir.resolve("tests"));
        ReservedNames.Names reserved;
        List<String> written;
        try {
            reserved = ReservedNames.of(codeCells(dir.resolve(SOURCE)), tests);
            written = List.copyOf(WrittenAnswers.of(NotebookFile.read(dir.resolve(SOURCE))).keySet());
        } catch (IOException e) {
            throw new GradingException(dir.resolve(SOURCE) + " cannot be read: " + e.getMessage());
        }
        return new Assignment(dir, dir.getFileName().toString(), tests, reserved, written);
    }

    Path source() {
        return folder.resolve(SOURCE);
    }

    /** The questions in the order of their tests, with the points each is worth. */
    Map<String, Double> questions() {
        Map<String, Double> points = new LinkedHashMap<>();
        tests.forEach(t -> points.merge(t.question(), t.points(), Double::sum));
        return points;
    }

    double possible() {
        return tests.stream().mapToDouble(TestCase::points).sum();
    }

    /** The largest notebook the grader reads; a larger one almost always holds outputs that should have been cleared. */
    static final long MAX_NOTEBOOK_BYTES = 32L << 20;

    /** A notebook's code cells; a file that is not a notebook gets a sentence saying so. */
    static List<String> codeCells(Path notebook) throws IOException {
        if (!Files.isRegularFile(notebook)) {
            throw new IOException("no notebook was submitted (expected a .ipynb file).");
        }
        if (Files.size(notebook) > MAX_NOTEBOOK_BYTES) {
            throw new IOException(notebook.getFileName() + " is larger than " + (MAX_NOTEBOOK_BYTES >> 20)
                    + " MiB; clear its outputs and submit it again.");
        }
        List<String> cells = new ArrayList<>();
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(notebook)));
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IOException(notebook.getFileName() + " is not UTF-8 text, as every notebook is; open it in Jupyter"
                    + " and save it again, or convert it (iconv -t UTF-8).", e);
        }
        NotebookFile file;
        try {
            file = NotebookFile.read(notebook);
        } catch (RuntimeException e) {
            throw new IOException(notebook.getFileName() + " is not a readable notebook: its \"nbformat\" is not the number 4 ("
                    + e.getClass().getSimpleName() + ").", e);
        } catch (IOException e) {
            // The reader's sentence names the full path and the JSON library; a student needs less.
            String why = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            why = why.replace(notebook.toString(), "").replaceAll("\\(com\\.google[^)]*\\)?", "").strip();
            throw new IOException(notebook.getFileName() + " is not a readable notebook: " + why.replaceFirst("^is not a notebook: ", ""), e);
        }
        try {
            for (var cell : file.cells()) {
                if (cell.has("cell_type") && "code".equals(cell.get("cell_type").getAsString())) {
                    cells.add(NotebookFile.source(cell));
                }
            }
        } catch (RuntimeException e) {
            throw new IOException(notebook.getFileName() + " is not a readable notebook (" + e.getMessage() + ").", e);
        }
        return cells;
    }
}
