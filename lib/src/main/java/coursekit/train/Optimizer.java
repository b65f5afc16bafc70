package coursekit.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A gradient-descent update rule that changes weights in place. Each optimizer keeps its own
 * per-parameter state (momentum, running averages), which a checkpoint saves and restores.
 *
 * <p>The kit implements its optimizers itself rather than through DJL's, because DJL's PyTorch
 * engine lacks RMSprop, and so that every rule is tested against its textbook form.
 */
public abstract class Optimizer {

    private final double learningRate;
    private final Map<String, NDArray[]> state = new LinkedHashMap<>();
    private long steps;
    private Object owner;

    protected Optimizer(double learningRate) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("The learning rate must be a positive number, but got learningRate=" + learningRate + ".");
        }
        this.learningRate = learningRate;
    }

    /** e.g. "RMSprop(lr=1.0E-4)". */
    public abstract String describe();

    /**
     * A new optimizer with the same settings and no state, bound to no network: what each run of a shared
     * {@link FitConfig} trains with.
     */
    public abstract Optimizer fresh();

    /** The base learning rate. */
    public double learningRate() {
        return learningRate;
    }

    /** Number of completed {@link #step()} calls. */
    public long steps() {
        return steps;
    }

    /**
     * Ties this optimizer to the network it trains: its state is per parameter of that network, so
     * using it on another network would mix states of different weights.
     */
    public void bindTo(Object network, String networkName) {
        if (owner != null && owner != network) {
            throw new IllegalStateException("This " + describe() + " already trains another network; create a new optimizer "
                    + "for network '" + networkName + "', e.g. Optimizers.rmsprop(1e-4).");
        }
        owner = network;
    }

    /** Marks the end of one training step (one batch); rules with bias correction count these. */
    public void step() {
        steps++;
    }

    /**
     * One training step over every parameter in {@code trainable}: updates each from the gradient
     * the last backward pass left on it, clears that gradient, then {@link #step()}s. On the CPU each
     * parameter is updated in two passes over its memory ({@code FusedUpdate}); elsewhere by
     * {@link #update}, with the same numbers.
     *
     * @param rates the learning rate of each parameter by name (see {@code LearningRates}); null
     *     gives every parameter the base rate
     */
    public void apply(Map<String, Parameter> trainable, Map<String, Float> rates) {
        apply(trainable, rates, true);
    }

    /** {@link #apply(Map, Map)}, through {@code FusedUpdate} on the CPU only if {@code fused}. */
    void apply(Map<String, Parameter> trainable, Map<String, Float> rates, boolean fused) {
        for (Map.Entry<String, Parameter> entry : trainable.entrySet()) {
            NDArray weight = entry.getValue().getArray();
            NDArray gradient = weight.getGradient();
            float rate = rates == null ? (float) learningRate : rates.get(entry.getKey());
            if (!fused || !FusedUpdate.run(this, entry.getKey(), weight, gradient, rate)) {
                update(entry.getKey(), weight, gradient, rate);
                // PyTorch adds new gradients to old ones; clear them for the next step.
                gradient.subi(gradient);
            }
        }
        step();
    }

    /**
     * Updates {@code weight} in place from {@code gradient}.
     *
     * @param key a stable name of the parameter (its state is kept under it)
     * @param rate the learning rate for this parameter (the base rate times its group's factor)
     */
    public abstract void update(String key, NDArray weight, NDArray gradient, float rate);

    /** How many state arrays of the weight's shape the rule keeps per parameter. */
    protected abstract int stateCount();

    /*
     * The same rule on plain arrays, for the CPU update over a parameter's memory (FusedUpdate), in up to two passes over a
     * parameter: the state from the gradient, then the weight. Together they must compute bit for bit what
     * update() computes: the same float operations in the same order. A square root is left to the engine
     * (root()), because libtorch's vectorised square root on the CPU is not always the correctly rounded one
     * Java's Math.sqrt gives, and the two paths must agree to the last bit.
     */

    /** First pass: elements {@code 0..n-1} of each of the {@link #stateCount()} arrays in {@code state}, from {@code gradient}. */
    protected abstract void updateState(float[] gradient, float[][] state, int n, float rate);

    /**
     * Between the passes, the engine's array of square roots the weight's update divides by, from the updated
     * state, as {@link #update} computes it; null where the rule takes no square root.
     */
    protected NDArray root(NDArray[] state) {
        return null;
    }

    /** Second pass: elements {@code 0..n-1} of {@code weight}; {@code root} is null where {@link #root} is. */
    protected abstract void updateWeight(float[] weight, float[] gradient, float[][] state, float[] root, int n, float rate);

    /** The state arrays of {@code key}, created as zeros like {@code weight} on first use. */
    protected final NDArray[] state(String key, NDArray weight, int count) {
        NDArray[] arrays = state.get(key);
        if (arrays == null) {
            arrays = new NDArray[count];
            for (int i = 0; i < count; i++) {
                arrays[i] = weight.zerosLike();
                // State outlives the step's scope: it belongs to the weight's manager.
                NDScope.unregister(arrays[i]);
            }
            state.put(key, arrays);
        }
        return arrays;
    }

    /** Writes the step count and every state array. */
    public void write(DataOutputStream out) throws IOException {
        out.writeUTF(describe());
        out.writeLong(steps);
        out.writeInt(state.size());
        for (Map.Entry<String, NDArray[]> entry : state.entrySet()) {
            out.writeUTF(entry.getKey());
            out.writeInt(entry.getValue().length);
            for (NDArray array : entry.getValue()) {
                byte[] bytes = array.encode();
                out.writeInt(bytes.length);
                out.write(bytes);
            }
        }
    }

    /** Restores what {@link #write} wrote; the optimizer must be of the same kind. */
    public void read(DataInputStream in, NDManager manager, String source) throws IOException {
        String saved = in.readUTF();
        if (!saved.equals(describe())) {
            throw new IllegalArgumentException(source + " was written with optimizer " + saved + " but this run uses "
                    + describe() + "; resume with the same optimizer or start without resuming.");
        }
        steps = in.readLong();
        int entries = in.readInt();
        state.clear();
        for (int e = 0; e < entries; e++) {
            String key = in.readUTF();
            NDArray[] arrays = new NDArray[in.readInt()];
            for (int i = 0; i < arrays.length; i++) {
                byte[] bytes = new byte[in.readInt()];
                in.readFully(bytes);
                arrays[i] = NDArray.decode(manager, bytes);
                NDScope.unregister(arrays[i]);
            }
            state.put(key, arrays);
        }
    }

    @Override
    public String toString() {
        return describe();
    }
}
