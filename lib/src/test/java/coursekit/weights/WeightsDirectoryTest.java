package coursekit.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import java.io.IOException;
import coursekit.io.Downloader;
import coursekit.io.TestServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The weights directory's lookup, offline message and download checks, against a real HTTP mirror on 127.0.0.1. */
class WeightsDirectoryTest {

    /** A downloader whose every request fails: nothing is listening on port 1. */
    private static final Downloader NO_NETWORK = Downloader.mirroredAt("http://127.0.0.1:1/");

    /** A two-shard TF.js model a mirror serves under {@code tiny_tfjs/}. */
    private static final WeightsFile TINY_TFJS = new WeightsFile("tiny_tfjs", WeightsFile.Format.TFJS_LAYERS_MODEL,
            URI.create("https://example.invalid/tfjs/tiny/model.json"), null, null);

    /** A mirror serving the tiny model's {@code model.json} and the given shards, first to last. */
    private static TestServer tinyTfjsMirror(byte[]... shards) throws IOException {
        TestServer server = new TestServer().put("tiny_tfjs/model.json", TinyTfjs.MODEL_JSON.getBytes());
        for (int i = 0; i < shards.length; i++) {
            server.put("tiny_tfjs/group1-shard" + (i + 1) + "of2", shards[i]);
        }
        return server;
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static byte[] kerasFile(Path temp) throws IOException {
        Path file = temp.resolve("source.h5");
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            hdf.putAttribute("layer_names", new String[] {"dense"});
            io.jhdf.api.WritableGroup dense = hdf.putGroup("dense");
            dense.putAttribute("weight_names", new String[] {"dense/kernel:0"});
            dense.putGroup("dense").putDataset("kernel:0", new float[][] {{1f, 2f}});
        }
        byte[] bytes = Files.readAllBytes(file);
        Files.delete(file);
        return bytes;
    }

    @Test
    void aPresentFileIsFoundWithoutDownloading(@TempDir Path temp) throws IOException {
        Files.writeString(temp.resolve(WeightsFile.VGG16_NOTOP.name()), "x");
        WeightsDirectory dir = new WeightsDirectory(temp, NO_NETWORK, () -> null);
        assertEquals(temp.resolve(WeightsFile.VGG16_NOTOP.name()), dir.locate(WeightsFile.VGG16_NOTOP));
    }

    @Test
    void offlineAMissingFileIsOneSentenceSayingWhichFileToPutWhere(@TempDir Path temp) {
        Path nowhere = temp.resolve("does-not-exist");
        String previous = System.setProperty(WeightsDirectory.OFFLINE_PROPERTY, "true");
        try {
            WeightsDirectory dir = new WeightsDirectory(nowhere, NO_NETWORK, WeightsDirectory::offlineReason);
            WeightsException error = assertThrows(WeightsException.class, () -> dir.locate(WeightsFile.VGG16_NOTOP));
            String message = error.getMessage();
            assertEquals("The pretrained weights vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5 are not in " + nowhere
                    + " and the kit's downloads are off (coursekit.offline=true); download "
                    + "https://storage.googleapis.com/tensorflow/keras-applications/vgg16/vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5"
                    + " and save it as " + nowhere.resolve("vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5")
                    + ", or set COURSEKIT_WEIGHTS to a directory that holds them.", message);
            assertFalse(Files.exists(nowhere), "an offline lookup creates nothing");
        } finally {
            restore(WeightsDirectory.OFFLINE_PROPERTY, previous);
        }
    }

    @Test
    void djlsOfflineSettingLeavesTheKitsDownloadsOn(@TempDir Path temp) throws Exception {
        String kit = System.clearProperty(WeightsDirectory.OFFLINE_PROPERTY);
        String djl = System.setProperty("ai.djl.offline", "true");
        try (TestServer server = new TestServer()) {
            assumeTrue(System.getenv(WeightsDirectory.OFFLINE_VARIABLE) == null, "COURSEKIT_OFFLINE is set for this run");
            byte[] bytes = kerasFile(temp);
            WeightsFile file = new WeightsFile("w.h5", WeightsFile.Format.KERAS_HDF5, URI.create("https://example.invalid/w.h5"), null, null);
            server.put("w.h5", bytes);
            Path located = WeightsDirectory.at(temp.resolve("cache"), Downloader.mirroredAt(server.url())).locate(file);
            assertArrayEquals(bytes, Files.readAllBytes(located));
        } finally {
            restore(WeightsDirectory.OFFLINE_PROPERTY, kit);
            restore("ai.djl.offline", djl);
        }
    }

    @Test
    void theDirectoryComesFromThePropertyThenTheVariableThenTheHome(@TempDir Path temp) {
        String previous = System.setProperty(WeightsDirectory.PROPERTY, temp.toString());
        try {
            assertEquals(temp, WeightsDirectory.standard().root());
            System.clearProperty(WeightsDirectory.PROPERTY);
            String variable = System.getenv(WeightsDirectory.VARIABLE);
            Path expected = variable != null ? Path.of(variable).toAbsolutePath().normalize()
                    : coursekit.io.KitHome.folder("weights").toAbsolutePath().normalize();
            assertEquals(expected, WeightsDirectory.standard().root());
        } finally {
            restore(WeightsDirectory.PROPERTY, previous);
        }
    }

    @Test
    void aDownloadWithThePublishedChecksumIsKept(@TempDir Path temp) throws Exception {
        byte[] bytes = kerasFile(temp);
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        WeightsFile file = new WeightsFile("w.h5", WeightsFile.Format.KERAS_HDF5, URI.create("https://example.invalid/w.h5"), "MD5",
                md5.toUpperCase());
        Path root = temp.resolve("cache");
        try (TestServer server = new TestServer().put("w.h5", bytes)) {
            Path located = new WeightsDirectory(root, Downloader.mirroredAt(server.url()), () -> null).locate(file);
            assertArrayEquals(bytes, Files.readAllBytes(located));
            assertEquals(List.of("w.h5"), listing(root), "no temporary file is left behind");
            assertEquals(2L, KerasHdf5.read(located).parameterCount());
        }
    }

    @Test
    void aDownloadWithAnotherChecksumIsDiscarded(@TempDir Path temp) throws Exception {
        WeightsFile file = new WeightsFile("w.h5", WeightsFile.Format.KERAS_HDF5, URI.create("https://example.invalid/w.h5"), "MD5",
                "0".repeat(32));
        Path root = temp.resolve("cache");
        try (TestServer server = new TestServer().put("w.h5", kerasFile(temp))) {
            WeightsDirectory dir = new WeightsDirectory(root, Downloader.mirroredAt(server.url()), () -> null);
            RuntimeException error = assertThrows(RuntimeException.class, () -> dir.locate(file));
            assertTrue(error.getMessage().contains("0".repeat(32)) && error.getMessage().contains("deleted"), error.getMessage());
        }
        assertEquals(List.of(), listing(root));
    }

    @Test
    void aDownloadWithoutAPinnedChecksumMustReadAsKerasWeights(@TempDir Path temp) throws Exception {
        WeightsFile file = new WeightsFile("w.h5", WeightsFile.Format.KERAS_HDF5, URI.create("https://example.invalid/w.h5"), null, null);
        Path root = temp.resolve("cache");
        try (TestServer server = new TestServer().put("w.h5", "<html>moved</html>".getBytes())) {
            WeightsDirectory dir = new WeightsDirectory(root, Downloader.mirroredAt(server.url()), () -> null);
            WeightsException error = assertThrows(WeightsException.class, () -> dir.locate(file));
            assertTrue(error.getMessage().startsWith("The download of w.h5 from the mirror " + server.url() + " is damaged"),
                    error.getMessage());
        }
        assertEquals(List.of(), listing(root));
    }

    @Test
    void aTfjsModelIsDownloadedWithItsShardsAndMovedIntoPlaceWhole(@TempDir Path temp) throws Exception {
        byte[][] shards = TinyTfjs.shards();
        WeightsFile file = TINY_TFJS;
        Path root = temp.resolve("cache");
        try (TestServer server = tinyTfjsMirror(shards[0], shards[1])) {
            WeightsDirectory dir = new WeightsDirectory(root, Downloader.mirroredAt(server.url()), () -> null);
            Path located = dir.locate(file);
            assertEquals(List.of("group1-shard1of2", "group1-shard2of2", "model.json"), listing(located));
            assertEquals(List.of("tiny_tfjs"), listing(root));
            assertArrayEquals(new float[] {10, 11, 12}, TfjsLayersModel.read(located).weights().tensor("dense/bias").values());
            assertTrue(dir.contains(file));
        }
    }

    @Test
    void aTfjsModelWithAMissingShardIsNotInPlaceAndResumesLater(@TempDir Path temp) throws Exception {
        byte[][] shards = TinyTfjs.shards();
        WeightsFile file = TINY_TFJS;
        Path root = temp.resolve("cache");
        try (TestServer server = tinyTfjsMirror(shards[0])) {
            WeightsDirectory dir = new WeightsDirectory(root, Downloader.mirroredAt(server.url()), () -> null);
            RuntimeException error = assertThrows(RuntimeException.class, () -> dir.locate(file));
            assertTrue(error.getMessage().contains("tiny_tfjs/group1-shard2of2") && error.getMessage().contains("404"), error.getMessage());
            assertFalse(dir.contains(file));
            server.put("tiny_tfjs/group1-shard2of2", shards[1]);
            dir.locate(file);
            assertEquals("/tiny_tfjs/group1-shard2of2", server.requests().get(server.requests().size() - 1),
                    "the second try fetches only what the first one lacked");
            assertEquals(List.of("tiny_tfjs"), listing(root));
        }
    }

    @Test
    void aTruncatedShardOnTheMirrorIsRefusedAndDeleted(@TempDir Path temp) throws Exception {
        byte[][] shards = TinyTfjs.shards();
        WeightsFile file = TINY_TFJS;
        Path root = temp.resolve("cache");
        try (TestServer server = tinyTfjsMirror(shards[0], java.util.Arrays.copyOf(shards[1], shards[1].length - 4))) {
            WeightsDirectory dir = new WeightsDirectory(root, Downloader.mirroredAt(server.url()), () -> null);
            WeightsException error = assertThrows(WeightsException.class, () -> dir.locate(file));
            assertTrue(error.getMessage().startsWith("The download of tiny_tfjs from the mirror") && error.getMessage().contains("damaged"),
                    error.getMessage());
        }
        assertEquals(List.of(), listing(root));
    }

    @Test
    void theMobileNetFileIsTheHubsLayersModel() {
        WeightsFile file = WeightsFile.MOBILENET_V1_0_25_224;
        assertEquals("mobilenet_v1_0.25_224_tfjs", file.name());
        assertEquals(URI.create("https://storage.googleapis.com/tfjs-models/tfjs/mobilenet_v1_0.25_224/model.json"), file.source());
        assertEquals("mobilenet_v1_0.50_160_tfjs", WeightsFile.mobilenetV1(0.5, 160).name());
        assertTrue(WeightsDirectory.at(SharedWeights.directory()).contains(file), "the weights directory holds it under this name");
    }

    static void restore(String property, String previous) {
        if (previous == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, previous);
        }
    }
}
