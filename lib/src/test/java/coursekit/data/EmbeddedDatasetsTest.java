package coursekit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The data the library jar carries: its sizes as documented in datasets/, and its checksums. */
class EmbeddedDatasetsTest {

    @Test
    void catsDogs32HasAThousandOfEachClassAt32x32() {
        ImageSet set = Datasets.catsDogs32();
        assertEquals(List.of("cat", "dog"), set.classNames());
        assertArrayEquals(new int[] {1000, 1000}, set.classCounts());
        assertArrayEquals(new long[] {3, 32, 32}, set.imageShape());
    }

    @Test
    void mnistSubsetIsClassBalanced() {
        TrainTest mnist = Datasets.mnist();
        assertArrayEquals(filled(10, 1200), mnist.train().classCounts());
        assertArrayEquals(filled(10, 200), mnist.test().classCounts());
        assertArrayEquals(new long[] {1, 28, 28}, mnist.imageShape());
    }

    @Test
    void fashionMnistSubsetIsClassBalanced() {
        TrainTest fashion = Datasets.fashionMnist();
        assertArrayEquals(filled(10, 1200), fashion.train().classCounts());
        assertArrayEquals(filled(10, 200), fashion.test().classCounts());
        assertEquals("Ankle boot", fashion.train().classNames().get(9));
    }

    @Test
    void everyEmbeddedFileMatchesItsChecksum() throws IOException {
        for (String set : List.of("cats-dogs-32", "mnist", "fashion-mnist")) {
            String folder = "coursekit/datasets/" + set + "/";
            for (String line : resource(folder + "SHA256SUMS").split("\n")) {
                String[] parts = line.trim().split("\\s+\\*?");
                assertEquals(parts[0], sha256(folder + parts[1]), folder + parts[1]);
            }
        }
    }

    private static int[] filled(int length, int value) {
        int[] array = new int[length];
        java.util.Arrays.fill(array, value);
        return array;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = open(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String sha256(String name) throws IOException {
        try (InputStream in = open(name)) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static InputStream open(String name) {
        InputStream in = EmbeddedDatasetsTest.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new AssertionError("The library's classpath lacks " + name + "; was lib built with datasets/?");
        }
        return in;
    }
}
