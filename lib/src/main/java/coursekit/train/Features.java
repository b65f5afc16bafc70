package coursekit.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import coursekit.data.Batches;
import coursekit.data.ImageSet;
import coursekit.io.AtomicFiles;
import coursekit.model.Network;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Fast feature extraction: runs a frozen base over images once, in inference mode, and keeps
 * what it outputs, optionally cached on disk so that re-running a notebook cell costs nothing.
 */
public final class Features {

    private static final String MAGIC = "coursekit-features-1";

    private Features() {}

    /** The outputs of {@code base} for every image, computed now. */
    public static FeatureSet extract(Network base, ImageSet images) {
        return extract(base, images, (String) null);
    }

    /**
     * The outputs of layer {@code layerName} of {@code base} for every image, computed now: features from an earlier
     * layer, more general and larger than the last layer's ({@code null}: the base's output).
     */
    public static FeatureSet extract(Network base, ImageSet images, String layerName) {
        if (layerName != null) {
            base.layers().indexOf(layerName);
        }
        long[] expected = base.inputShape();
        if (!Arrays.equals(expected, images.imageShape())) {
            throw new IllegalArgumentException("The images are " + Arrays.toString(images.imageShape()) + " (channels, height, width) but base '"
                    + base.name() + "' expects " + Arrays.toString(expected) + "; resize them first.");
        }
        float[] values = null;
        long[] featureShape = null;
        int stride = 0;
        for (int[] indices : Batches.inOrder(images.size(), Batches.INFERENCE)) {
            try (NDScope scope = new NDScope()) {
                NDArray batch = Batches.images(base.manager(), images, indices);
                NDArray out = layerName == null ? base.logits(batch, false) : base.outputOf(batch, layerName, false);
                if (values == null) {
                    featureShape = Arrays.copyOfRange(out.getShape().getShape(), 1, out.getShape().dimension());
                    stride = (int) (out.size() / indices.length);
                    values = new float[Math.multiplyExact(stride, images.size())];
                }
                System.arraycopy(out.toFloatArray(), 0, values, indices[0] * stride, indices.length * stride);
                scope.suppressNotUsedWarning();
            }
        }
        return new FeatureSet(values, featureShape, images.labels(), images.classNames());
    }

    /**
     * Like {@link #extract(Network, ImageSet)}, but reads the features from {@code cacheDir} when
     * this base (same weights) already ran on these images, and writes them there otherwise.
     */
    public static FeatureSet extract(Network base, ImageSet images, Path cacheDir) {
        return extract(base, images, null, cacheDir);
    }

    /** Like {@link #extract(Network, ImageSet, String)}, cached in {@code cacheDir} as {@link #extract(Network, ImageSet, Path)} is. */
    public static FeatureSet extract(Network base, ImageSet images, String layerName, Path cacheDir) {
        String key = (layerName == null ? "" : layerName + "-") + cacheKey(base, images).substring(0, 24);
        Path file = cacheDir.resolve(base.name() + "-" + key + ".features");
        if (Files.exists(file)) {
            return read(file);
        }
        FeatureSet features = extract(base, images, layerName);
        write(file, features);
        return features;
    }

    /** A digest of the base's name, weights and the images: any change gives another cache file. */
    static String cacheKey(Network base, ImageSet images) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(base.name().getBytes(StandardCharsets.UTF_8));
            for (Parameter parameter : base.parameters().values()) {
                sha.update(parameter.getArray().toByteArray());
            }
            sha.update(images.digest().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This Java runtime has no SHA-256.", e);
        }
    }

    static void write(Path file, FeatureSet features) {
        AtomicFiles.write(file, raw -> {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw));
            out.writeUTF(MAGIC);
            long[] shape = features.featureShape();
            out.writeInt(shape.length);
            for (long dim : shape) {
                out.writeLong(dim);
            }
            out.writeInt(features.classNames().size());
            for (String name : features.classNames()) {
                out.writeUTF(name);
            }
            int[] labels = features.rawLabels();
            out.writeInt(labels.length);
            for (int label : labels) {
                out.writeInt(label);
            }
            for (float value : features.rawValues()) {
                out.writeFloat(value);
            }
            out.flush();
        });
    }

    static FeatureSet read(Path file) {
        try (InputStream raw = Files.newInputStream(file)) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(raw));
            if (!MAGIC.equals(in.readUTF())) {
                throw new IllegalArgumentException(file + " is not a coursekit feature cache; delete it to compute the features again.");
            }
            long[] shape = new long[in.readInt()];
            long stride = 1;
            for (int i = 0; i < shape.length; i++) {
                shape[i] = in.readLong();
                stride *= shape[i];
            }
            List<String> classNames = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                classNames.add(in.readUTF());
            }
            int[] labels = new int[in.readInt()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = in.readInt();
            }
            float[] values = new float[Math.toIntExact(stride * labels.length)];
            for (int i = 0; i < values.length; i++) {
                values[i] = in.readFloat();
            }
            return new FeatureSet(values, shape, labels, classNames);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the feature cache " + file + " (" + e.getMessage()
                    + "); delete it to compute the features again.", e);
        }
    }
}
