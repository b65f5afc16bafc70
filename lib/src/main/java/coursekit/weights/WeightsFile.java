package coursekit.weights;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * A pretrained weights file the kit knows: its name in the weights directory, its format, where
 * it is published and, where known, the checksum its publisher documents.
 */
public final class WeightsFile {

    /** How a file is stored. */
    public enum Format {
        /** One Keras HDF5 weights file. */
        KERAS_HDF5,
        /** A directory holding a TensorFlow.js layers model: {@code model.json} and its shards. */
        TFJS_LAYERS_MODEL
    }

    /**
     * Keras's VGG16 ImageNet convolutional base (58.9 MB); the MD5 is the {@code file_hash} that
     * Keras's {@code VGG16(weights='imagenet', include_top=False)} checks.
     */
    public static final WeightsFile VGG16_NOTOP = new WeightsFile(
            "vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5", Format.KERAS_HDF5,
            URI.create("https://storage.googleapis.com/tensorflow/keras-applications/vgg16/"
                    + "vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5"),
            "MD5", "6d6bbae143d832006294945121d1f1fc");

    /** ImageNet MobileNet v1, width 0.25, 224x224, with its 1000-class top, as a TensorFlow.js layers model (1.9 MB). */
    public static final WeightsFile MOBILENET_V1_0_25_224 = mobilenetV1(0.25, 224);

    private final String name;
    private final Format format;
    private final URI source;
    private final String digestAlgorithm;
    private final String digest;

    /**
     * Describes a file named {@code name} in the weights directory, published at {@code source}.
     *
     * @param digestAlgorithm {@code MD5} or {@code SHA-256}, or null when no checksum is pinned and a
     *     download is checked by its structure only
     * @param digest the expected checksum in hexadecimal, or null
     */
    public WeightsFile(String name, Format format, URI source, String digestAlgorithm, String digest) {
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
                URI.create("https://storage.googleapis.com/tfjs-models/tfjs/" + id + "/model.json"), null, null);
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
