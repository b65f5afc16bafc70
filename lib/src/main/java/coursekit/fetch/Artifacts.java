package coursekit.fetch;

import coursekit.data.PetImages;
import coursekit.io.Archives;
import coursekit.io.Checksum;
import coursekit.io.Downloader.Remote;
import coursekit.weights.WeightsFile;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/** Every external file the kit knows, by the name {@code ./kit fetch} takes. */
public final class Artifacts {

    private static final String MNIST_URL = "https://storage.googleapis.com/cvdf-datasets/mnist/";
    private static final String FASHION_URL = "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/";
    private static final List<String> IDX_FILES =
            List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");

    /** sha256 of the uncompressed IDX files: the publishers' content, whatever gzip made of it. */
    private static final Map<String, List<String>> IDX_SHA256 = Map.of(
            "mnist", List.of(
                    "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
                    "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
                    "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
                    "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"),
            "fashion-mnist", List.of(
                    "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
                    "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
                    "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
                    "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34"));

    private static final List<Artifact> ALL = List.of(
            new WeightsArtifact("mobilenet", "ImageNet MobileNet v1, width 0.25, with its top (TF.js layers model)",
                    WeightsFile.MOBILENET_V1_0_25_224, "Apache-2.0"),
            new WeightsArtifact("mobilenet-0.75", "ImageNet MobileNet v1, width 0.75, with its top (TF.js layers model)",
                    WeightsFile.MOBILENET_V1_0_75_224, "Apache-2.0"),
            new WeightsArtifact("vgg16", "Keras's ImageNet VGG16 convolutional base (HDF5)", WeightsFile.VGG16_NOTOP,
                    "CC BY 4.0 (Oxford VGG)"),
            new WeightsArtifact("squeezenet", "SqueezeNet v1.1 ImageNet base, Keras 1 HDF5 (a test file for the HDF5 reader)",
                    WeightsFile.SQUEEZENET_NOTOP, "BSD-2-Clause"),
            new WeightsArtifact("test-images", "two 224x224 photos (a chickadee, a sunflower) as raw RGB, for the MobileNet tests",
                    List.of(WeightsFile.BIRD_RGB, WeightsFile.SUNFLOWER_RGB), "Apache-2.0 (Google Coral test data)"),
            idx("mnist", "MNIST, 60,000 + 10,000 handwritten digits (gzipped IDX)", 11_594_722L, "CC BY-SA 3.0", MNIST_URL),
            idx("fashion-mnist", "Fashion-MNIST, 60,000 + 10,000 clothing images (gzipped IDX)", 30_878_645L, "MIT", FASHION_URL),
            archive("cifar10", "CIFAR-10, 50,000 + 10,000 images in 10 classes (binary version)", 170_052_171L,
                    "no license stated; cite Krizhevsky 2009", "https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz",
                    Checksum.md5("c32a1d4ab5d03f1284b67883e8d87530"), "cifar-10-batches-bin/test_batch.bin"),
            archive("cifar100", "CIFAR-100, 50,000 + 10,000 images in 100 classes (binary version)", 168_513_733L,
                    "no license stated; cite Krizhevsky 2009", "https://www.cs.toronto.edu/~kriz/cifar-100-binary.tar.gz",
                    Checksum.md5("03b5dce01913d631647c71ecec9e9cb8"), "cifar-100-binary/test.bin"),
            new DatasetArtifact("cats-and-dogs", "the lecture's 2,000 / 1,000 / 1,000 cats and dogs photos, built from Microsoft's "
                    + "PetImages (Kaggle Dogs vs. Cats)", 824_887_076L, "Microsoft Research's terms for the Asirra photos (see the page)",
                    "cats_and_dogs_small", List.of(new Remote("datasets/cats-and-dogs/kagglecatsanddogs_5340.zip", URI.create(
                            "https://download.microsoft.com/download/3/E/1/3E1C3F21-ECDB-4869-8368-6DEBA77B919F/kagglecatsanddogs_5340.zip"),
                            null)),
                    (staging, result) -> PetImages.build(staging.resolve("kagglecatsanddogs_5340.zip"), result, System.err::println),
                    folder -> List.of("train", "validation", "test").stream()
                            .allMatch(part -> Files.isDirectory(folder.resolve(part).resolve("cats"))
                                    && Files.isDirectory(folder.resolve(part).resolve("dogs")))),
            archive("core50", "CORe50, 50 objects in 11 sessions, 128x128 frames (zip, several GB)", 0L, "CC BY 4.0",
                    "http://bias.csr.unibo.it/maltoni/download/core50/core50_128x128.zip",
                    Checksum.md5("745f3373fed08d69343f1058ee559e13"), "core50_128x128/s11"));

    private Artifacts() {}

    /** Every artifact, weights first. */
    public static List<Artifact> all() {
        return ALL;
    }

    /** The artifact called {@code name}, if the kit knows one. */
    public static Optional<Artifact> named(String name) {
        return ALL.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** The names {@code ./kit fetch} takes. */
    public static List<String> names() {
        return ALL.stream().map(Artifact::name).toList();
    }

    private static Artifact idx(String name, String description, long bytes, String license, String base) {
        List<Remote> files = new ArrayList<>();
        for (String file : IDX_FILES) {
            files.add(new Remote("datasets/" + name + "/" + file + ".gz", URI.create(base + file + ".gz"), null));
        }
        Map<String, String> expected = new LinkedHashMap<>();
        for (int i = 0; i < IDX_FILES.size(); i++) {
            expected.put(IDX_FILES.get(i) + ".gz", IDX_SHA256.get(name).get(i));
        }
        return new DatasetArtifact(name, description, bytes, license, name, files, (staging, result) -> {
            Files.createDirectories(result);
            for (Map.Entry<String, String> file : expected.entrySet()) {
                Path gz = staging.resolve(file.getKey());
                String actual;
                try {
                    actual = gunzippedSha256(gz);
                } catch (IOException e) {
                    Files.delete(gz);
                    throw new IOException(gz.getFileName() + " does not unpack (" + e.getMessage() + "), so it was deleted", e);
                }
                if (!actual.equals(file.getValue())) {
                    Files.delete(gz);
                    throw new IOException(gz.getFileName() + " unpacks to content with sha256 " + actual + " instead of the published "
                            + file.getValue() + "; it was deleted");
                }
                Files.move(gz, result.resolve(file.getKey()));
            }
        }, folder -> IDX_FILES.stream().allMatch(f -> Files.isRegularFile(folder.resolve(f))
                || Files.isRegularFile(folder.resolve(f + ".gz"))));
    }

    private static Artifact archive(String name, String description, long bytes, String license, String address,
            Checksum checksum, String witness) {
        URI uri = URI.create(address);
        String file = uri.getPath().substring(uri.getPath().lastIndexOf('/') + 1);
        Remote remote = new Remote("datasets/" + name + "/" + file, uri, checksum);
        return new DatasetArtifact(name, description, bytes, license, name, List.of(remote), (staging, result) -> {
            Files.createDirectories(result);
            if (file.endsWith(".zip")) {
                Archives.unzip(staging.resolve(file), result);
            } else {
                Archives.untarGz(staging.resolve(file), result);
            }
            if (!Files.exists(result.resolve(witness))) {
                throw new IOException(file + " has no " + witness + ", so it is not the archive the kit expects");
            }
        }, folder -> Files.exists(folder.resolve(witness)));
    }

    static String gunzippedSha256(Path gz) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz), 1 << 16)) {
            return Checksum.hex("SHA-256", in);
        }
    }
}
