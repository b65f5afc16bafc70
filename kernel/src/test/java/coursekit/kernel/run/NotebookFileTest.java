package coursekit.kernel.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotebookFileTest {

    @Test
    void sourceAsAListOfLinesIsJoined(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lines.ipynb");
        Files.writeString(file, "{\"cells\":[{\"cell_type\":\"code\",\"metadata\":{},\"outputs\":[],\"execution_count\":null,"
                + "\"source\":[\"int a = 1;\\n\",\"a\"]}],\"metadata\":{},\"nbformat\":4,\"nbformat_minor\":4}");
        assertEquals("int a = 1;\na", NotebookFile.source(NotebookFile.read(file).cells().get(0)));
    }

    @Test
    void notJsonIsRefusedWithTheFileName(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.ipynb");
        Files.writeString(file, "{not json");
        IOException e = assertThrows(IOException.class, () -> NotebookFile.read(file));
        assertTrue(e.getMessage().startsWith(file + " is not a notebook"), e.getMessage());
    }

    @Test
    void nbformat3IsRefusedWithHowToConvert(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("old.ipynb");
        Files.writeString(file, "{\"cells\":[],\"nbformat\":3}");
        IOException e = assertThrows(IOException.class, () -> NotebookFile.read(file));
        assertTrue(e.getMessage().contains("nbconvert"), e.getMessage());
    }

    @Test
    void writtenNotebookKeepsNullExecutionCountsAndGetsCellIds(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("new.ipynb");
        NotebookFile.of(List.of("1")).write(file);
        String text = Files.readString(file);
        assertTrue(text.contains("\"execution_count\": null"), text);
        assertTrue(NotebookFile.read(file).cells().get(0).has("id"));
    }

    @Test
    void writeLeavesNoTemporaryFilesBehind(@TempDir Path dir) throws Exception {
        NotebookFile.of(List.of("1")).write(dir.resolve("a.ipynb"));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("a.ipynb")), files.toList());
        }
    }
}
