package coursekit.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.google.gson.JsonArray;
import coursekit.data.Batches;
import coursekit.data.ImageSet;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The 1,000 ImageNet (ILSVRC 2012) classes in the order pretrained networks predict them, and
 * Keras's {@code decode_predictions}. The list is DJL's {@code imagenet/classes.json} from
 * {@code ai.djl:basicdataset}.
 */
public final class ImageNet {

    /** One ImageNet class: its index, WordNet id (e.g. {@code n01592084}) and short name (e.g. {@code chickadee}). */
    public record ImageNetClass(int index, String wnid, String name) {}

    /** One predicted class with its probability, as a row of Keras's {@code decode_predictions}. */
    public record Prediction(int index, String wnid, String name, float probability) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%s (%d, %s): %.4f", name, index, wnid, probability);
        }
    }

    private static final String RESOURCE = "imagenet/classes.json";
    private static volatile List<ImageNetClass> classes;

    private ImageNet() {}

    /** The 1,000 classes by index. */
    public static List<ImageNetClass> classes() {
        List<ImageNetClass> loaded = classes;
        if (loaded == null) {
            loaded = readClasses();
            classes = loaded;
        }
        return loaded;
    }

    /** The short name of class {@code index}, e.g. {@code chickadee} for 19. */
    public static String className(int index) {
        List<ImageNetClass> all = classes();
        if (index < 0 || index >= all.size()) {
            throw new IllegalArgumentException("ImageNet class indices run from 0 to " + (all.size() - 1) + ", but got index=" + index + ".");
        }
        return all.get(index).name();
    }

    /**
     * The {@code top} most probable classes of each image of {@code probabilities} (N, 1000), most
     * probable first.
     */
    public static List<List<Prediction>> decodePredictions(NDArray probabilities, int top) {
        if (probabilities.getShape().dimension() != 2 || probabilities.getShape().get(1) != classes().size()) {
            throw new IllegalArgumentException("decodePredictions expects probabilities of shape (N, " + classes().size()
                    + "), but got " + probabilities.getShape() + ".");
        }
        int rows = (int) probabilities.getShape().get(0);
        float[] values = probabilities.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
        List<List<Prediction>> result = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            float[] row = new float[classes().size()];
            System.arraycopy(values, r * row.length, row, 0, row.length);
            result.add(decodePredictions(row, top));
        }
        return result;
    }

    /** The {@code top} most probable classes of one image's 1,000 probabilities, most probable first. */
    public static List<Prediction> decodePredictions(float[] probabilities, int top) {
        List<ImageNetClass> all = classes();
        if (probabilities.length != all.size()) {
            throw new IllegalArgumentException("decodePredictions expects " + all.size() + " probabilities, but got "
                    + probabilities.length + ".");
        }
        if (top < 1) {
            throw new IllegalArgumentException("top must be at least 1, but got top=" + top + ".");
        }
        List<Prediction> predictions = new ArrayList<>();
        for (ImageNetClass c : all) {
            predictions.add(new Prediction(c.index(), c.wnid(), c.name(), probabilities[c.index()]));
        }
        predictions.sort(Comparator.comparingDouble(Prediction::probability).reversed());
        return List.copyOf(predictions.subList(0, Math.min(top, predictions.size())));
    }

    /**
     * The {@code top} ImageNet classes that {@code network} (a pretrained network with its 1000-class top, e.g.
     * {@link Models#mobilenet()}) sees in each image, most probable first: Keras's
     * {@code decode_predictions(model.predict(x), top=5)}. Images of another size are resized to the network's
     * input first; photo sets are decoded at that size from their files.
     */
    public static List<List<Prediction>> predict(Network network, ImageSet images, int top) {
        long[] input = network.inputShape();
        if (network.numClasses() != classes().size()) {
            throw new IllegalArgumentException("ImageNet.predict needs a network with ImageNet's " + classes().size()
                    + "-class top, but " + network.name() + " has " + network.numClasses() + " outputs; build it with its top "
                    + "(e.g. Models.mobilenet()).");
        }
        ImageSet sized = images.resize((int) input[1], (int) input[2]);
        List<List<Prediction>> result = new ArrayList<>();
        for (int[] indices : Batches.inOrder(sized.size(), Batches.INFERENCE)) {
            try (NDManager manager = network.manager().newSubManager()) {
                NDArray batch = Batches.images(manager, sized, indices);
                result.addAll(decodePredictions(network.probabilities(batch), top));
            }
        }
        return result;
    }

    private static List<ImageNetClass> readClasses() {
        try (InputStream in = ImageNet.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The ImageNet class list " + RESOURCE + " is not on the classpath; it comes with "
                        + "ai.djl:basicdataset, a dependency of coursekit-lib.");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                JsonArray rows = JsonParser.parseReader(reader).getAsJsonArray();
                List<ImageNetClass> list = new ArrayList<>();
                for (JsonElement row : rows) {
                    JsonArray fields = row.getAsJsonArray();
                    list.add(new ImageNetClass(list.size(), fields.get(0).getAsString(), fields.get(1).getAsString()));
                }
                return List.copyOf(list);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }
}
