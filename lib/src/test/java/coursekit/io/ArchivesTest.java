package coursekit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unpacking tar.gz and zip archives written by the test in their real formats, and refusing entries that climb out. */
class ArchivesTest {

    /** One ustar header block for a regular file or folder. */
    private static byte[] header(String name, long size, char type) {
        byte[] block = new byte[512];
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(nameBytes, 0, block, 0, nameBytes.length);
        byte[] sizeField = String.format("%011o", size).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(sizeField, 0, block, 124, sizeField.length);
        block[156] = (byte) type;
        System.arraycopy("ustar\0".getBytes(StandardCharsets.US_ASCII), 0, block, 257, 6);
        return block;
    }

    private static Path tarGz(Path file, String... namesAndContents) throws IOException {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        for (int i = 0; i < namesAndContents.length; i += 2) {
            byte[] content = namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8);
            boolean folder = namesAndContents[i].endsWith("/");
            tar.writeBytes(header(namesAndContents[i], folder ? 0 : content.length, folder ? '5' : '0'));
            if (!folder) {
                tar.writeBytes(content);
                tar.writeBytes(new byte[(512 - content.length % 512) % 512]);
            }
        }
        tar.writeBytes(new byte[1024]);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(tar.toByteArray());
        }
        return file;
    }

    @Test
    void aTarGzUnpacksItsFoldersAndFiles(@TempDir Path temp) throws IOException {
        Path archive = tarGz(temp.resolve("a.tar.gz"), "cifar-10-batches-bin/", "", "cifar-10-batches-bin/batches.meta.txt", "airplane\n",
                "cifar-10-batches-bin/test_batch.bin", "x".repeat(1300));
        Path out = temp.resolve("out");
        assertEquals(2, Archives.untarGz(archive, out));
        assertEquals("airplane\n", Files.readString(out.resolve("cifar-10-batches-bin/batches.meta.txt")));
        assertEquals(1300, Files.size(out.resolve("cifar-10-batches-bin/test_batch.bin")));
    }

    @Test
    void aTarEntryOutsideTheFolderIsRefused(@TempDir Path temp) throws IOException {
        Path archive = tarGz(temp.resolve("evil.tar.gz"), "../escaped.txt", "gotcha");
        IOException error = assertThrows(IOException.class, () -> Archives.untarGz(archive, temp.resolve("out")));
        assertTrue(error.getMessage().contains("../escaped.txt"), error.getMessage());
        assertFalse(Files.exists(temp.resolve("escaped.txt")));
    }

    @Test
    void aTruncatedTarSaysSo(@TempDir Path temp) throws IOException {
        Path whole = tarGz(temp.resolve("a.tar.gz"), "big.bin", "y".repeat(5000));
        byte[] raw;
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(whole))) {
            raw = in.readAllBytes();
        }
        Path cut = temp.resolve("cut.tar.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(cut))) {
            out.write(raw, 0, 512 + 2000);
        }
        IOException error = assertThrows(IOException.class, () -> Archives.untarGz(cut, temp.resolve("out")));
        assertTrue(error.getMessage().contains("truncated") || error.getMessage().contains("end"), error.getMessage());
    }

    @Test
    void aZipUnpacksAndRefusesClimbingEntries(@TempDir Path temp) throws IOException {
        Path good = temp.resolve("good.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(good))) {
            zip.putNextEntry(new ZipEntry("core50_128x128/s1/o1/C_01_01_000.png"));
            zip.write(new byte[] {1, 2, 3});
            zip.closeEntry();
        }
        assertEquals(1, Archives.unzip(good, temp.resolve("out")));
        assertEquals(3, Files.size(temp.resolve("out/core50_128x128/s1/o1/C_01_01_000.png")));
        Path evil = temp.resolve("evil.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(evil))) {
            zip.putNextEntry(new ZipEntry("../../escaped.txt"));
            zip.closeEntry();
        }
        assertThrows(IOException.class, () -> Archives.unzip(evil, temp.resolve("out2")));
        assertFalse(Files.exists(temp.resolve("escaped.txt")));
    }
}
