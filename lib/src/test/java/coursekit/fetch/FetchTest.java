package coursekit.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coursekit.data.Datasets;
import coursekit.io.Checksum;
import coursekit.io.DownloadException;
import coursekit.io.Downloader;
import coursekit.io.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalogue ./kit fetch offers, and a dataset fetched from a mirror on 127.0.0.1 into the data folder whole. */
class FetchTest {

    @Test
    void theCatalogueNamesEveryExternalArtifact() {
        assertTrue(Artifacts.names().containsAll(List.of("mobilenet", "vgg16", "mnist", "fashion-mnist", "cifar10", "cifar100", "core50",
                "squeezenet", "test-images", "cats-and-dogs")), Artifacts.names().toString());
        for (Artifact a : Artifacts.all()) {
            assertFalse(a.license().isBlank() || a.description().isBlank(), a.name());
            assertTrue(a.source().startsWith("http"), a.name() + ": " + a.source());
        }
    }

    @Test
    void theListingShowsSizeSourceLicenseAndPresence() {
        String listing = FetchMain.listing();
        for (Artifact a : Artifacts.all()) {
            assertTrue(listing.contains(a.name()) && listing.contains(a.source()) && listing.contains(a.license()), a.name());
        }
        assertTrue(listing.contains("58.9 MB"), listing);
        assertTrue(listing.lines().skip(1).anyMatch(l -> l.matches("\\S+\\s+\\S+ MB\\s+(yes|no)\\s+.*")), listing);
    }

    @Test
    void anUnknownNameIsOneSentenceAndStatusTwo() {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertEquals(2, FetchMain.run(new String[] {"imagenet"}));
        } finally {
            System.setErr(err);
        }
        assertTrue(captured.toString(StandardCharsets.UTF_8).startsWith("kit fetch: The kit knows no artifact called 'imagenet'."));
    }

    private static byte[] zip(String entry, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static DatasetArtifact tiny(Checksum checksum) {
        Downloader.Remote remote = new Downloader.Remote("datasets/tiny/tiny.zip", URI.create("https://example.invalid/tiny.zip"), checksum);
        return new DatasetArtifact("tiny", "a tiny set", 0, "none", "tiny", List.of(remote),
                (staging, result) -> coursekit.io.Archives.unzip(staging.resolve("tiny.zip"), result),
                folder -> Files.exists(folder.resolve("images/a.bin")));
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aDatasetArrivesFromTheMirrorWholeAndOnce(@TempDir Path temp) throws Exception {
        byte[] archive = zip("images/a.bin", new byte[] {4, 2});
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(archive));
        String previous = System.setProperty(Datasets.DATA_PROPERTY, temp.toString());
        try (TestServer server = new TestServer().put("datasets/tiny/tiny.zip", archive)) {
            DatasetArtifact tiny = tiny(Checksum.md5(md5));
            assertFalse(tiny.present());
            tiny.fetch(Downloader.mirroredAt(server.url()));
            assertTrue(tiny.present());
            assertEquals(List.of("tiny"), listing(temp), "the staging folder is gone");
            tiny.fetch(Downloader.mirroredAt(server.url()));
            assertEquals(1, server.requests().size(), "a present dataset is not downloaded again");
        } finally {
            restore(previous);
        }
    }

    @Test
    void aDamagedDatasetArchiveLeavesNoFolder(@TempDir Path temp) throws Exception {
        String previous = System.setProperty(Datasets.DATA_PROPERTY, temp.toString());
        try (TestServer server = new TestServer().put("datasets/tiny/tiny.zip", zip("images/a.bin", new byte[] {1}))) {
            DatasetArtifact tiny = tiny(Checksum.md5("0".repeat(32)));
            DownloadException error = assertThrows(DownloadException.class, () -> tiny.fetch(Downloader.mirroredAt(server.url())));
            assertTrue(error.getMessage().contains("datasets/tiny/tiny.zip") && error.getMessage().contains("deleted"), error.getMessage());
            assertFalse(tiny.present());
            assertFalse(Files.exists(temp.resolve("tiny")));
        } finally {
            restore(previous);
        }
    }

    @Test
    void aMirrorIsFilledWithThePublishedFilesInItsLayout(@TempDir Path temp) throws Exception {
        byte[] archive = zip("images/a.bin", new byte[] {7});
        try (TestServer publisher = new TestServer().put("datasets/tiny/tiny.zip", archive)) {
            tiny(null).fillMirror(temp.resolve("mirror"), Downloader.mirroredAt(publisher.url()));
        }
        assertEquals(archive.length, Files.size(temp.resolve("mirror/datasets/tiny/tiny.zip")));
    }

    @Test
    void anIdxFileIsCheckedByItsUncompressedContent(@TempDir Path temp) throws Exception {
        byte[] content = "IDX content".getBytes(StandardCharsets.US_ASCII);
        Path gz = temp.resolve("f.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(content);
        }
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)), Artifacts.gunzippedSha256(gz));
    }

    private static void restore(String previous) {
        if (previous == null) {
            System.clearProperty(Datasets.DATA_PROPERTY);
        } else {
            System.setProperty(Datasets.DATA_PROPERTY, previous);
        }
    }
}
