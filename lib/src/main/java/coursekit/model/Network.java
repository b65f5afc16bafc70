package coursekit.model;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import coursekit.data.Batches;
import coursekit.data.ImageSet;
import coursekit.engine.Devices;
import coursekit.engine.Seeds;
import coursekit.io.AtomicFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A network ready to train: named layers, the input shape they expect, what the output means,
 * and the parameters on a device. Close it (or the notebook session) to free native memory.
 */
public final class Network implements AutoCloseable {

    private final String name;
    private final Layers layers;
    private final long[] inputShape;
    private final Head head;
    private final int numClasses;
    private final NDManager manager;
    private ParameterStore parameterStore;

    private Network(String name, Layers layers, long[] inputShape, Head head, int numClasses, Device device, long seed) {
        this.name = name;
        this.layers = layers;
        this.inputShape = inputShape.clone();
        this.head = head;
        this.numClasses = numClasses;
        this.manager = NDManager.newBaseManager(device);
        this.parameterStore = new ParameterStore(manager, false);
        Seeds.seedEngine(seed);
        layers.initialize(manager, DataType.FLOAT32, batchShape(1));
    }

    /**
     * Initialises {@code layers} for inputs of {@code inputShape} (channels, height, width) on the
     * kit's device, with a seed drawn from {@link Seeds}.
     *
     * @param numClasses number of classes the output predicts (two for a sigmoid head)
     */
    public static Network create(String name, Layers layers, long[] inputShape, Head head, int numClasses) {
        if (inputShape.length == 0 || Arrays.stream(inputShape).anyMatch(d -> d < 1)) {
            throw new IllegalArgumentException("The input shape must have positive dimensions, e.g. {channels, height, width}, but got "
                    + Arrays.toString(inputShape) + ".");
        }
        if (head == Head.SIGMOID && numClasses != 2) {
            throw new IllegalArgumentException("A sigmoid head predicts 2 classes, but network '" + name + "' was given numClasses="
                    + numClasses + ".");
        }
        return new Network(name, layers, inputShape, head, numClasses, Devices.chosen(), Seeds.next());
    }

    public String name() {
        return name;
    }

    public Layers layers() {
        return layers;
    }

    /** {channels, height, width} of one input image. */
    public long[] inputShape() {
        return inputShape.clone();
    }

    public Head head() {
        return head;
    }

    /** Number of classes the output predicts (2 for a sigmoid head). */
    public int numClasses() {
        return numClasses;
    }

    public Device device() {
        return manager.getDevice();
    }

    /** The manager that owns this network's parameters; batches for it are made under a sub-manager. */
    public NDManager manager() {
        return manager;
    }

    /** Input shape with a batch dimension. */
    public Shape batchShape(long batch) {
        long[] shape = new long[inputShape.length + 1];
        shape[0] = batch;
        System.arraycopy(inputShape, 0, shape, 1, inputShape.length);
        return new Shape(shape);
    }

    /** Runs the layers on a batch (N, C, H, W) of floats and returns the logits. */
    public NDArray logits(NDArray batch, boolean training) {
        return layers.forward(parameterStore, new NDList(batch), training).singletonOrThrow();
    }

    /**
     * The output of every layer but the last for a batch: the penultimate features (embeddings)
     * that iCaRL's exemplar selection and nearest-mean classifier work on. {@link #logitsOf} turns
     * them into the same logits {@link #logits} gives.
     */
    public NDArray features(NDArray batch, boolean training) {
        NDList current = new NDList(batch);
        List<String> names = layers.names();
        for (int i = 0; i < names.size() - 1; i++) {
            current = layers.layer(names.get(i)).forward(parameterStore, current, training);
        }
        return current.singletonOrThrow();
    }

    /**
     * The output of layer {@code layerName} for a batch: the layers up to it run, the ones after it do not. Feature
     * extraction from an earlier layer of a pretrained base, e.g. {@code outputOf(batch, "conv_pw_11_relu", false)}.
     *
     * @throws IllegalArgumentException naming the layers when there is no layer {@code layerName}
     */
    public NDArray outputOf(NDArray batch, String layerName, boolean training) {
        int last = layers.indexOf(layerName);
        NDList current = new NDList(batch);
        List<String> names = layers.names();
        for (int i = 0; i <= last; i++) {
            current = layers.layer(names.get(i)).forward(parameterStore, current, training);
        }
        return current.singletonOrThrow();
    }

    /**
     * The layers after {@code layerName} applied to {@code activations}, that layer's output as {@link #outputOf}
     * gives it: the logits, without running the layers up to it. Latent replay trains the upper layers this way on
     * activations stored earlier.
     *
     * @throws IllegalArgumentException naming the layers when there is no layer {@code layerName}
     */
    public NDArray logitsFrom(String layerName, NDArray activations, boolean training) {
        NDList current = new NDList(activations);
        List<String> names = layers.names();
        for (int i = layers.indexOf(layerName) + 1; i < names.size(); i++) {
            current = layers.layer(names.get(i)).forward(parameterStore, current, training);
        }
        return current.singletonOrThrow();
    }

    /** The last layer applied to {@link #features}: the logits, without running the layers before it again. */
    public NDArray logitsOf(NDArray features, boolean training) {
        List<String> names = layers.names();
        return layers.layer(names.get(names.size() - 1)).forward(parameterStore, new NDList(features), training).singletonOrThrow();
    }

    /** Class probabilities of a batch: (N, classes), also for a sigmoid head (as 1-p, p). */
    public NDArray probabilities(NDArray batch) {
        NDArray logits = logits(batch, false);
        if (head == Head.SIGMOID) {
            NDArray p = Activation.sigmoid(logits);
            return NDArrays.concat(new NDList(p.neg().add(1f), p), 1);
        }
        return logits.softmax(1);
    }

    /** The predicted class index of every image in {@code images}. */
    public int[] predict(ImageSet images) {
        int[] predicted = new int[images.size()];
        for (int[] indices : Batches.inOrder(images.size(), Batches.INFERENCE)) {
            try (NDScope scope = new NDScope()) {
                NDArray x = Batches.images(manager, images, indices);
                int[] classes = probabilities(x).argMax(1).toType(DataType.INT32, false).toIntArray();
                for (int n = 0; n < indices.length; n++) {
                    predicted[indices[n]] = classes[n];
                }
                scope.suppressNotUsedWarning();
            }
        }
        return predicted;
    }

    /** Every parameter with its path name (e.g. {@code 01conv2d_weight}), in a fixed order. */
    public Map<String, Parameter> parameters() {
        Map<String, Parameter> all = new LinkedHashMap<>();
        for (Pair<String, Parameter> pair : layers.getParameters()) {
            all.put(pair.getKey(), pair.getValue());
        }
        return all;
    }

    /** The parameters that training updates, with their path names, in {@link #parameters()}'s order. */
    public Map<String, Parameter> trainableParameters() {
        Map<String, Parameter> trainable = new LinkedHashMap<>();
        parameters().forEach((key, parameter) -> {
            if (parameter.requiresGradient()) {
                trainable.put(key, parameter);
            }
        });
        return trainable;
    }

    /** Number of weights, all of them. */
    public long parameterCount() {
        return parameters().values().stream().mapToLong(p -> p.getArray().size()).sum();
    }

    /** Number of weights that training updates. */
    public long trainableParameterCount() {
        return parameters().values().stream().filter(Parameter::requiresGradient).mapToLong(p -> p.getArray().size()).sum();
    }

    /** A Keras-like table of layers, output shapes and parameter counts. */
    public ModelSummary summary() {
        return ModelSummary.of(this);
    }

    /** The block of layer {@code name}. */
    public Block layer(String layerName) {
        return layers.layer(layerName);
    }

    /**
     * Freezes every layer: training changes none of its weights, and its {@link BatchNormalization}
     * layers normalise with their moving statistics and leave them unchanged.
     */
    public void freezeAll() {
        setTrainable(0, false);
    }

    /** Makes every layer trainable again. */
    public void unfreezeAll() {
        setTrainable(0, true);
    }

    /**
     * Makes layer {@code layerName} and every layer after it trainable and freezes every layer
     * before it, as fine-tuning the top of a pretrained base does (e.g. {@code unfreezeFrom("block5_conv1")}).
     */
    public void unfreezeFrom(String layerName) {
        int from = layers.indexOf(layerName);
        setTrainable(0, false);
        setTrainable(from, true);
    }

    /**
     * Freezes every {@link BatchNormalization} layer again, so that after {@link #unfreezeFrom} it keeps
     * normalising with its pretrained moving statistics: small batches of augmented images would
     * otherwise replace them (Keras's transfer-learning guide keeps them in inference mode for this reason).
     */
    public void freezeBatchNormalization() {
        for (String name : layers.names()) {
            Block block = layers.layer(name);
            if (block instanceof BatchNormalization) {
                block.freezeParameters(true, p -> p.getType() != Parameter.Type.RUNNING_MEAN && p.getType() != Parameter.Type.RUNNING_VAR);
            }
        }
    }

    private void setTrainable(int from, boolean trainable) {
        List<String> names = layers.names();
        for (int i = from; i < names.size(); i++) {
            // Moving statistics never take gradients: PyTorch refuses in-place updates of tensors that require them.
            layers.layer(names.get(i)).freezeParameters(!trainable,
                    p -> p.getType() != Parameter.Type.RUNNING_MEAN && p.getType() != Parameter.Type.RUNNING_VAR);
        }
    }

    /** Loads Keras weights by layer name from a Keras {@code .h5} file or a TF.js layers model; see {@link KerasWeightsLoader}. */
    public void loadKerasWeights(Path path) {
        KerasWeightsLoader.load(this, path);
    }

    /** Writes the parameters to {@code file} atomically. */
    public void save(Path file) {
        AtomicFiles.write(file, out -> writeParameters(new DataOutputStream(out)));
    }

    /** Writes the parameters to a stream, e.g. inside a checkpoint. */
    public void writeParameters(DataOutputStream out) throws IOException {
        layers.saveParameters(out);
        out.flush();
    }

    /** Reads parameters written by {@link #save} into this network, whose layers must match. */
    public void load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            readParameters(new DataInputStream(in), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read parameters from " + file + ": " + e.getMessage(), e);
        }
    }

    /** The parameters as bytes in {@link #save}'s format: a snapshot in memory, put back with {@link #restoreParameters}. */
    public byte[] parameterBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            writeParameters(new DataOutputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the parameters of network " + name + " in memory: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    /** Reads parameters {@link #parameterBytes} gave into this network; {@code source} names them in errors. */
    public void restoreParameters(byte[] bytes, String source) {
        try {
            readParameters(new DataInputStream(new ByteArrayInputStream(bytes)), source);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + source + " into network " + name + ": " + e.getMessage(), e);
        }
    }

    /** Reads parameters from a stream; {@code source} names it in errors. */
    public void readParameters(DataInputStream in, String source) throws IOException {
        try {
            layers.loadParameters(manager, in);
        } catch (MalformedModelException | IllegalArgumentException e) {
            throw new IllegalArgumentException(source + " does not hold parameters of network '" + name + "' ("
                    + e.getMessage() + "); was it saved from a different network?", e);
        }
        // Loaded arrays are new tensors: trainable ones must collect gradients again.
        for (Parameter parameter : parameters().values()) {
            if (parameter.requiresGradient()) {
                parameter.getArray().setRequiresGradient(true);
            }
        }
        // A ParameterStore keeps the arrays it handed out first; a fresh one sees the loaded ones.
        parameterStore = new ParameterStore(manager, false);
    }

    @Override
    public void close() {
        manager.close();
    }

    @Override
    public String toString() {
        return "Network[" + name + ", input " + Arrays.toString(inputShape) + ", " + head + " head, " + numClasses
                + " classes, " + String.format("%,d", parameterCount()) + " parameters on " + device() + "]";
    }
}
