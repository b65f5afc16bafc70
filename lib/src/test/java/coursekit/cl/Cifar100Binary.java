package coursekit.cl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** CIFAR-100's binary version, written small for tests. */
public final class Cifar100Binary {

    private Cifar100Binary() {}

    /**
     * Writes {@code dir/cifar-100-binary/} in the real format: per record a coarse and a fine label byte, then 3072 bytes
     * of red, green and blue planes. Every pixel of a record holds its fine label, so the test can see which class an
     * image came from after remapping.
     */
    public static Path write(Path dir, int trainPerClass, int testPerClass) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("cifar-100-binary"));
        Files.write(folder.resolve("train.bin"), records(trainPerClass));
        Files.write(folder.resolve("test.bin"), records(testPerClass));
        Files.writeString(folder.resolve("fine_label_names.txt"), names("fine", 100));
        Files.writeString(folder.resolve("coarse_label_names.txt"), names("coarse", 20));
        return folder;
    }

    private static byte[] records(int perClass) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int copy = 0; copy < perClass; copy++) {
            for (int fine = 0; fine < 100; fine++) {
                out.write(fine / 5);
                out.write(fine);
                byte[] planes = new byte[3 * 32 * 32];
                java.util.Arrays.fill(planes, (byte) fine);
                out.writeBytes(planes);
            }
        }
        return out.toByteArray();
    }

    private static String names(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + i).collect(Collectors.joining("\n", "", "\n"));
    }
}
