package coursekit.weights;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A pretrained weights file the kit knows: its name in the weights directory, its format, where
 * it is published and, where known, the checksum its publisher documents.
 */
public final class WeightsFile {

    /** Parameters of the ImageNet MobileNet v1 with its top, by width; four bytes each in a TF.js model. */
    private static final Map<String, Long> MOBILENET_PARAMETERS = Map.of(
            "0.25", 475_544L, "0.50", 1_342_536L, "0.75", 2_601_976L, "1.00", 4_253_864L);

    /** A 224x224 photo of a chickadee as raw RGB bytes, from Google Coral's test data (a check that an ImageNet model predicts). */
    public static final WeightsFile BIRD_RGB = coralTestImage("bird.rgb",
            "1f837aa1cf09e766f3991b2c6c21a9130697e23624e1df09c5cef50350072388");

    /** A 224x224 photo of a sunflower as raw RGB bytes, from Google Coral's test data. */
    public static final WeightsFile SUNFLOWER_RGB = coralTestImage("sunflower.rgb",
            "e4050b15acfa410a6b04198a933d4fabf530b96e4215145cc8efc628e06cc9cf");

    /** How a file is stored. */
    public enum Format {
        /** One Keras HDF5 weights file. */
        KERAS_HDF5,
        /** A directory holding a TensorFlow.js layers model: {@code model.json} and its shards. */
        TFJS_LAYERS_MODEL,
        /** Any other file, checked by its pinned checksum only. */
        PLAIN
    }

    /**
     * Keras's VGG16 ImageNet convolutional base (58.9 MB); the MD5 is the {@code file_hash} that
     * Keras's {@code VGG16(weights='imagenet', include_top=False)} checks.
     */
    public static final WeightsFile VGG16_NOTOP = new WeightsFile(
            "vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5", Format.KERAS_HDF5,
            URI.create("https://storage.googleapis.com/tensorflow/keras-applications/vgg16/"
                    + "vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5"),
            "MD5", "6d6bbae143d832006294945121d1f1fc", 58_889_256L);

    /** ImageNet MobileNet v1, width 0.25, 224x224, with its 1000-class top, as a TensorFlow.js layers model (1.9 MB). */
    public static final WeightsFile MOBILENET_V1_0_25_224 = mobilenetV1(0.25, 224);

    /** ImageNet MobileNet v1, width 0.75, 224x224, with its 1000-class top, as a TensorFlow.js layers model (10.4 MB). */
    public static final WeightsFile MOBILENET_V1_0_75_224 = mobilenetV1(0.75, 224);

    /**
     * SqueezeNet v1.1's ImageNet convolutional base in Keras 1's HDF5 layout (3.0 MB), from the Keras port's
     * release; the checksum is the one the kit pins (the port publishes none).
     */
    public static final WeightsFile SQUEEZENET_NOTOP = new WeightsFile(
            "squeezenet_weights_tf_dim_ordering_tf_kernels_notop.h5", Format.KERAS_HDF5,
            URI.create("https://github.com/rcmalli/keras-squeezenet/releases/download/v1.0/"
                    + "squeezenet_weights_tf_dim_ordering_tf_kernels_notop.h5"),
            "SHA-256", "17154246284f555591549ac2c83e127abfbf4307dc4b0060fdaa2931d0fa38da", 3_002_560L);

    private final String name;
    private final Format format;
    private final URI source;
    private final String digestAlgorithm;
    private final String digest;
    private final long bytes;

    /**
     * Describes a file named {@code name} in the weights directory, published at {@code source}.
     *
     * @param digestAlgorithm {@code MD5} or {@code SHA-256}, or null when no checksum is pinned and a
     *     download is checked by its structure only
     * @param digest the expected checksum in hexadecimal, or null
     */
    public WeightsFile(String name, Format format, URI source, String digestAlgorithm, String digest) {
        this(name, format, source, digestAlgorithm, digest, 0);
    }

    /** As {@link #WeightsFile(String, Format, URI, String, String)}, about {@code bytes} long (0 when unknown). */
    public WeightsFile(String name, Format format, URI source, String digestAlgorithm, String digest, long bytes) {
        this.bytes = bytes;
        this.name = Objects.requireNonNull(name, "name");
        this.format = Objects.requireNonNull(format, "format");
        this.source = Objects.requireNonNull(source, "source");
        if ((digestAlgorithm == null) != (digest == null)) {
            throw new IllegalArgumentException("Give both a digest algorithm and a digest, or neither; got "
                    + digestAlgorithm + " and " + digest + ".");
        }
        this.digestAlgorithm = digestAlgorithm;
        this.digest = digest == null ? null : digest.toLowerCase(Locale.ROOT);
    }

    /**
     * ImageNet MobileNet v1 of width {@code alpha} (0.25, 0.5, 0.75 or 1.0) at {@code size} pixels
     * (128, 160, 192 or 224), as the TensorFlow.js model hub publishes it, with its top.
     */
    public static WeightsFile mobilenetV1(double alpha, int size) {
        String id = String.format(Locale.ROOT, "mobilenet_v1_%.2f_%d", alpha, size);
        // The hub publishes neither checksums nor a guarantee that its bytes never change: the
        // download is checked by its structure (every shard present, sized as the manifest says).
        return new WeightsFile(id + "_tfjs", Format.TFJS_LAYERS_MODEL,
                URI.create("https://storage.googleapis.com/tfjs-models/tfjs/" + id + "/model.json"), null, null,
                Math.round(4 * MOBILENET_PARAMETERS.getOrDefault(String.format(Locale.ROOT, "%.2f", alpha), 0L)));
    }

    private static WeightsFile coralTestImage(String name, String sha256) {
        return new WeightsFile("images/" + name, Format.PLAIN,
                URI.create("https://raw.githubusercontent.com/google-coral/test_data/master/" + name), "SHA-256", sha256, 224 * 224 * 3);
    }

    /** About how many bytes the file (or all files of a TF.js model) take, 0 when unknown. */
    public long bytes() {
        return bytes;
    }

    /** The file's (or, for a TF.js model, the directory's) name in the weights directory. */
    public String name() {
        return name;
    }

    public Format format() {
        return format;
    }

    /** Where the file is published; for a TF.js model, its {@code model.json}. */
    public URI source() {
        return source;
    }

    /** {@code MD5} or {@code SHA-256}, or null when no checksum is pinned. */
    public String digestAlgorithm() {
        return digestAlgorithm;
    }

    /** The pinned checksum in lower-case hexadecimal, or null. */
    public String digest() {
        return digest;
    }

    @Override
    public String toString() {
        return name + " (" + format + ", from " + source + ")";
    }
}
