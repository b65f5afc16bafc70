package coursekit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @Test
    void writesTheWholeContentAndLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("sub/out.txt");
        AtomicFiles.write(file, "hello".getBytes());
        assertEquals("hello", Files.readString(file));
        try (var listing = Files.list(file.getParent())) {
            assertEquals(1, listing.count());
        }
    }

    @Test
    void aFailedWriteKeepsTheOldFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("out.txt");
        AtomicFiles.write(file, "old".getBytes());
        assertThrows(RuntimeException.class, () -> AtomicFiles.write(file, out -> {
            out.write("half".getBytes());
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(file));
        try (var listing = Files.list(dir)) {
            assertEquals(1, listing.count());
        }
    }

    @Test
    void writtenFilesAreReadableByAll(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("out.txt");
        AtomicFiles.write(file, "x".getBytes());
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }
}
