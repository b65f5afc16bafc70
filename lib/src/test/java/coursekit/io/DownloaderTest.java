package coursekit.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads over real HTTP on 127.0.0.1 and from a folder: checks, resumption, and one sentence for each failure. */
class DownloaderTest {

    private static final URI NOWHERE = URI.create("https://example.invalid/w.bin");

    private static byte[] bytes(int n) {
        byte[] data = new byte[n];
        new Random(7).nextBytes(data);
        return data;
    }

    private static Checksum sha256(byte[] data) throws Exception {
        return Checksum.sha256(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data)));
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFileComesFromTheMirrorCheckedAndWhole(@TempDir Path temp) throws Exception {
        byte[] data = bytes(300_000);
        try (TestServer server = new TestServer().put("models/w.bin", data)) {
            Downloader downloader = Downloader.mirroredAt(server.url());
            Path target = temp.resolve("w.bin");
            downloader.fetch(new Downloader.Remote("models/w.bin", NOWHERE, sha256(data)), target, Progress.silent());
            assertArrayEquals(data, Files.readAllBytes(target));
            assertEquals(List.of("w.bin"), listing(temp), "no partial file is left");
            assertEquals(URI.create(server.url() + "models/w.bin"), downloader.address(new Downloader.Remote("models/w.bin", NOWHERE, null)));
        }
    }

    @Test
    void aBrokenDownloadResumesWhereItStopped(@TempDir Path temp) throws Exception {
        byte[] data = bytes(200_000);
        Path target = temp.resolve("w.bin");
        Files.write(temp.resolve(".w.bin.part"), Arrays.copyOf(data, 50_000));
        try (TestServer server = new TestServer().put("w.bin", data)) {
            Downloader.mirroredAt(server.url()).fetch(new Downloader.Remote("w.bin", NOWHERE, sha256(data)), target, Progress.silent());
            assertEquals(List.of("/w.bin Range: bytes=50000-"), server.requests());
        }
        assertArrayEquals(data, Files.readAllBytes(target));
    }

    @Test
    void aServerThatIgnoresRangesGetsTheFileAgainFromTheStart(@TempDir Path temp) throws Exception {
        byte[] data = bytes(100_000);
        Path target = temp.resolve("w.bin");
        Files.write(temp.resolve(".w.bin.part"), new byte[30_000]);
        try (TestServer server = new TestServer().put("w.bin", data).ranges(false)) {
            Downloader.mirroredAt(server.url()).fetch(new Downloader.Remote("w.bin", NOWHERE, sha256(data)), target, Progress.silent());
        }
        assertArrayEquals(data, Files.readAllBytes(target));
    }

    @Test
    void aConnectionThatStallsKeepsThePartForTheNextTry(@TempDir Path temp) throws Exception {
        byte[] data = bytes(400_000);
        Path target = temp.resolve("w.bin");
        Downloader.Remote remote = new Downloader.Remote("w.bin", NOWHERE, sha256(data));
        try (TestServer server = new TestServer().put("w.bin", data).cutAfter(150_000)) {
            DownloadException error = assertThrows(DownloadException.class,
                    () -> Downloader.mirroredAt(server.url()).withReadTimeout(1000).fetch(remote, target, Progress.silent()));
            assertTrue(error.getMessage().contains("w.bin") && error.getMessage().contains("stalled")
                    && error.getMessage().contains("resumes"), error.getMessage());
            assertFalse(Files.exists(target), "no file appears under its name");
            server.cutAfter(-1);
            Downloader.mirroredAt(server.url()).fetch(remote, target, Progress.silent());
            assertTrue(server.requests().get(1).contains("Range: bytes="), server.requests().toString());
        }
        assertArrayEquals(data, Files.readAllBytes(target));
    }

    @Test
    void aRedirectIsFollowedToAnotherServer(@TempDir Path temp) throws Exception {
        byte[] data = bytes(20_000);
        try (TestServer storage = new TestServer().put("blob", data);
                TestServer release = new TestServer().redirect("w.bin", storage.url() + "blob")) {
            Downloader.mirroredAt(release.url()).fetch(new Downloader.Remote("w.bin", NOWHERE, sha256(data)), temp.resolve("w.bin"),
                    Progress.silent());
            assertEquals(List.of("/blob"), storage.requests());
        }
        assertArrayEquals(data, Files.readAllBytes(temp.resolve("w.bin")));
    }

    @Test
    void aWrongChecksumDeletesTheDownloadAndSaysSo(@TempDir Path temp) throws Exception {
        byte[] data = bytes(10_000);
        try (TestServer server = new TestServer().put("w.bin", data)) {
            Checksum wrong = Checksum.sha256("0".repeat(64));
            DownloadException error = assertThrows(DownloadException.class, () -> Downloader.mirroredAt(server.url())
                    .fetch(new Downloader.Remote("w.bin", NOWHERE, wrong), temp.resolve("w.bin"), Progress.silent()));
            assertTrue(error.getMessage().contains("0".repeat(64)) && error.getMessage().contains(server.url() + "w.bin")
                    && error.getMessage().contains("deleted"), error.getMessage());
        }
        assertEquals(List.of(), listing(temp));
    }

    @Test
    void aMissingFileIsAnHttpStatusInOneSentence(@TempDir Path temp) throws Exception {
        try (TestServer server = new TestServer()) {
            DownloadException error = assertThrows(DownloadException.class, () -> Downloader.mirroredAt(server.url())
                    .fetch(new Downloader.Remote("w.bin", NOWHERE, null), temp.resolve("w.bin"), Progress.silent()));
            assertTrue(error.getMessage().contains("HTTP 404") && error.getMessage().contains("--to-mirror"), error.getMessage());
        }
        assertEquals(List.of(), listing(temp));
    }

    @Test
    void aMirrorThatIsDownIsNamed(@TempDir Path temp) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String mirror = "http://127.0.0.1:" + port + "/";
        DownloadException error = assertThrows(DownloadException.class, () -> Downloader.mirroredAt(mirror)
                .fetch(new Downloader.Remote("w.bin", NOWHERE, null), temp.resolve("w.bin"), Progress.silent()));
        assertTrue(error.getMessage().startsWith("Cannot download w.bin: nothing answers at " + mirror + "w.bin")
                && error.getMessage().contains("COURSEKIT_MIRROR"), error.getMessage());
        assertEquals(List.of(), listing(temp));
    }

    @Test
    void aFolderServesAsAMirror(@TempDir Path temp) throws Exception {
        byte[] data = bytes(5_000);
        Path mirror = Files.createDirectories(temp.resolve("mirror/models"));
        Files.write(mirror.resolve("w.bin"), data);
        Path cache = Files.createDirectories(temp.resolve("cache"));
        Downloader downloader = Downloader.mirroredAt(temp.resolve("mirror").toString());
        downloader.fetch(new Downloader.Remote("models/w.bin", NOWHERE, sha256(data)), cache.resolve("w.bin"), Progress.silent());
        assertArrayEquals(data, Files.readAllBytes(cache.resolve("w.bin")));
        DownloadException error = assertThrows(DownloadException.class, () -> downloader
                .fetch(new Downloader.Remote("models/other.bin", NOWHERE, null), cache.resolve("other.bin"), Progress.silent()));
        assertTrue(error.getMessage().startsWith("There is no models/other.bin at file:"), error.getMessage());
    }

    @Test
    void aFullDiskIsNamedWithItsFolder(@TempDir Path temp) {
        Downloader downloader = Downloader.fromPublishers();
        DownloadException error = downloader.explain(new IOException("No space left on device"),
                new Downloader.Remote("w.bin", NOWHERE, null), NOWHERE, temp.resolve("w.bin"), 0);
        assertEquals("The disk holding " + temp.toAbsolutePath() + " is full, so w.bin could not be saved; free some space (or point "
                + "the kit's folder at another disk) and run the same command again; it resumes where it stopped.", error.getMessage());
    }

    @Test
    void aMirrorPathMustStayRelative() {
        assertThrows(IllegalArgumentException.class, () -> new Downloader.Remote("../etc/passwd", NOWHERE, null));
        assertThrows(IllegalArgumentException.class, () -> new Downloader.Remote("/abs", NOWHERE, null));
    }

    @Test
    void theKitsOfflineSwitchIsItsOwnAndNotDjls() {
        String djl = System.setProperty("ai.djl.offline", "true");
        String kit = System.clearProperty(Downloader.OFFLINE_PROPERTY);
        try {
            if (System.getenv(Downloader.OFFLINE_VARIABLE) == null) {
                assertEquals(null, Downloader.offlineReason(), "DJL's switch does not turn the kit's downloads off");
            }
            System.setProperty(Downloader.OFFLINE_PROPERTY, "true");
            assertEquals("coursekit.offline=true", Downloader.offlineReason());
        } finally {
            restore("ai.djl.offline", djl);
            restore(Downloader.OFFLINE_PROPERTY, kit);
        }
    }

    static void restore(String property, String previous) {
        if (previous == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, previous);
        }
    }
}
