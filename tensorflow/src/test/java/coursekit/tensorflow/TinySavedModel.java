package coursekit.tensorflow;

import coursekit.data.ImageSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * A SavedModel written by the tests themselves with TensorFlow Java, standing in for an exported
 * Keras network: 8x8 RGB images, a 3x3 valid convolution with four known filters, ReLU and global
 * average pooling, exported under tag "serve" and signature "serving_default" as Keras does.
 */
final class TinySavedModel {

    static final int SIZE = 8;
    static final int FILTERS = 4;
    static final int MAP = SIZE - 2;

    private TinySavedModel() {}

    /** Filter 0 sums the red channel over its window, filter 1 the blue; 2 and 3 mix signs so ReLU matters. */
    static float kernel(int row, int col, int channel, int filter) {
        return switch (filter) {
            case 0 -> channel == 0 ? 1f : 0f;
            case 1 -> channel == 2 ? 1f : 0f;
            case 2 -> (col - 1) * (channel + 1) * 0.5f;
            default -> (channel == 1 ? -1f : 0.5f) * ((row + col) % 2 == 0 ? 1f : -0.5f);
        };
    }

    /** Exports the model to {@code dir}; with {@code withFeatureMap} the signature also outputs the map before pooling. */
    static Path export(Path dir, boolean withFeatureMap) {
        return export(dir, withFeatureMap, -1);
    }

    /** Like {@link #export(Path, boolean)}, with the input's batch size fixed to {@code batch} (-1: any). */
    static Path export(Path dir, boolean withFeatureMap, long batch) {
        Natives.engine(); // loads the natives that TensorFlow Java needs too
        float[][][][] weights = new float[3][3][3][FILTERS];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                for (int ch = 0; ch < 3; ch++) {
                    for (int f = 0; f < FILTERS; f++) {
                        weights[r][c][ch][f] = kernel(r, c, ch, f);
                    }
                }
            }
        }
        try (Graph graph = new Graph(); Session session = new Session(graph)) {
            Ops tf = Ops.create(graph);
            Placeholder<TFloat32> images = tf.withName("images").placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(batch, SIZE, SIZE, 3)));
            Operand<TFloat32> map = tf.nn.relu(tf.nn.conv2d(images, tf.constant(weights), List.of(1L, 1L, 1L, 1L), "VALID"));
            Operand<TFloat32> pooled = tf.math.mean(map, tf.constant(new int[] {1, 2}));
            Signature.Builder signature = Signature.builder().key("serving_default").input("images", images).output("features", pooled);
            if (withFeatureMap) {
                signature.output("feature_map", map);
            }
            SavedModelBundle.exporter(dir.toString()).withSession(session).withSignature(signature.build()).export();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** A model that takes vectors of 5 floats and doubles them: no image input, to be refused. */
    static Path exportVectorModel(Path dir) {
        Natives.engine();
        try (Graph graph = new Graph(); Session session = new Session(graph)) {
            Ops tf = Ops.create(graph);
            Placeholder<TFloat32> vectors = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 5)));
            Operand<TFloat32> doubled = tf.math.mul(vectors, tf.constant(2f));
            Signature signature = Signature.builder().key("serving_default").input("vectors", vectors).output("doubled", doubled).build();
            SavedModelBundle.exporter(dir.toString()).withSession(session).withSignature(signature).export();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** The feature map at (filter, row, col) of one image (HWC values already scaled), by direct summation. */
    static float mapValue(float[] image, int filter, int row, int col) {
        float sum = 0;
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                for (int ch = 0; ch < 3; ch++) {
                    sum += image[((row + r) * SIZE + col + c) * 3 + ch] * kernel(r, c, ch, filter);
                }
            }
        }
        return Math.max(0f, sum);
    }

    /** The pooled feature of {@code filter} for one image, by direct summation. */
    static float feature(float[] image, int filter) {
        float sum = 0;
        for (int row = 0; row < MAP; row++) {
            for (int col = 0; col < MAP; col++) {
                sum += mapValue(image, filter, row, col);
            }
        }
        return sum / (MAP * MAP);
    }

    /** Mostly red images (class "red") and mostly blue ones ("blue"), alternating, with seeded noise. */
    static ImageSet redAndBlue(int count, long seed) {
        Random random = new Random(seed);
        byte[] pixels = new byte[count * SIZE * SIZE * 3];
        int[] labels = new int[count];
        for (int n = 0; n < count; n++) {
            labels[n] = n % 2;
            int strong = labels[n] == 0 ? 0 : 2;
            for (int p = 0; p < SIZE * SIZE; p++) {
                for (int ch = 0; ch < 3; ch++) {
                    int value = ch == strong ? 120 + random.nextInt(136) : random.nextInt(110);
                    pixels[(n * SIZE * SIZE + p) * 3 + ch] = (byte) value;
                }
            }
        }
        return ImageSet.of(pixels, labels, SIZE, SIZE, 3, new ArrayList<>(List.of("red", "blue")));
    }

    /** Image {@code index} of {@code images} as HWC floats scaled like {@code scaling} does. */
    static float[] scaled(ImageSet images, int index, InputScaling scaling) {
        byte[] image = new byte[images.imageBytes()];
        images.copyImage(index, image, 0);
        float[] out = new float[image.length];
        scaling.scale(image, images.channels(), out, 0);
        return out;
    }
}
