package coursekit.train;

import ai.djl.ndarray.NDArray;
import coursekit.engine.HostMemory;
import java.nio.FloatBuffer;
import java.util.stream.IntStream;

/**
 * An optimizer's update done in two passes over a parameter's memory on the CPU, on every core: weight,
 * gradient and state are read in chunks straight from the engine's tensors, updated by the rule's
 * {@code updateState} (first pass, where the rule keeps state) and {@code updateWeight} (second pass), and written
 * back, the gradient cleared in the second pass. The element-wise {@link Optimizer#update} calls the engine once
 * per operation, each a pass over the whole parameter with a temporary array (RMSprop makes nine, plus one to
 * clear the gradient).
 *
 * <p>It applies only where each array is a float32 tensor in CPU memory that the engine lets Java see without a
 * copy; elsewhere (a GPU, a strided view) {@link #run} declines before changing anything, and the optimizer takes
 * its element-wise path, which computes the same numbers.
 */
final class FusedUpdate {

    /** Elements per chunk: a chunk's arrays stay in a core's cache between reading and writing back. */
    static final int CHUNK = 8192;
    private static final float[] ZEROS = new float[CHUNK];
    private static final ThreadLocal<float[][]> SCRATCH = new ThreadLocal<>();

    private FusedUpdate() {}

    /**
     * Updates {@code weight} from {@code gradient} and clears the gradient, as {@code optimizer.update} followed
     * by clearing would; false, with nothing changed, where the arrays cannot be reached in place.
     */
    static boolean run(Optimizer optimizer, String key, NDArray weight, NDArray gradient, float rate) {
        if (weight.size() != gradient.size()) {
            return false;
        }
        FloatBuffer w = HostMemory.floats(weight);
        FloatBuffer g = w == null ? null : HostMemory.floats(gradient);
        if (g == null) {
            return false;
        }
        NDArray[] stateArrays = optimizer.stateCount() == 0 ? new NDArray[0] : optimizer.state(key, weight, optimizer.stateCount());
        FloatBuffer[] state = new FloatBuffer[stateArrays.length];
        for (int s = 0; s < state.length; s++) {
            state[s] = HostMemory.floats(stateArrays[s]);
            if (state[s] == null) {
                return false;
            }
        }
        int size = Math.toIntExact(weight.size());
        Chunks chunks = new Chunks(optimizer, w, g, state, size, rate);
        NDArray root = null;
        if (stateArrays.length > 0) {
            chunks.forEach(chunks::updateState);
            root = optimizer.root(stateArrays);
        }
        try (NDArray roots = root) {
            FloatBuffer readable = readable(roots);
            chunks.forEach((from, n) -> chunks.updateWeight(from, n, readable));
        }
        return true;
    }

    /** The roots as floats, in place where the engine allows and else a copy; null for none. */
    private static FloatBuffer readable(NDArray roots) {
        if (roots == null) {
            return null;
        }
        FloatBuffer inPlace = HostMemory.floats(roots);
        return inPlace != null ? inPlace : FloatBuffer.wrap(roots.toFloatArray());
    }

    /** One parameter's buffers cut into chunks, each pass run over the chunks in parallel. */
    private record Chunks(Optimizer optimizer, FloatBuffer w, FloatBuffer g, FloatBuffer[] state, int size, float rate) {

        interface Pass {
            void run(int from, int n);
        }

        void forEach(Pass pass) {
            int count = (size + CHUNK - 1) / CHUNK;
            IntStream range = IntStream.range(0, count);
            // Small parameters (biases) are not worth waking other threads for.
            (count > 4 ? range.parallel() : range).forEach(c -> pass.run(c * CHUNK, Math.min(CHUNK, size - c * CHUNK)));
        }

        void updateState(int from, int n) {
            float[][] scratch = scratch();
            float[][] stateChunk = stateChunk(scratch, from, n);
            g.get(from, scratch[1], 0, n);
            optimizer.updateState(scratch[1], stateChunk, n, rate);
            for (int s = 0; s < state.length; s++) {
                state[s].put(from, stateChunk[s], 0, n);
            }
        }

        void updateWeight(int from, int n, FloatBuffer roots) {
            float[][] scratch = scratch();
            float[][] stateChunk = stateChunk(scratch, from, n);
            w.get(from, scratch[0], 0, n);
            g.get(from, scratch[1], 0, n);
            float[] root = null;
            if (roots != null) {
                root = scratch[2 + state.length];
                roots.get(from, root, 0, n);
            }
            optimizer.updateWeight(scratch[0], scratch[1], stateChunk, root, n, rate);
            w.put(from, scratch[0], 0, n);
            g.put(from, ZEROS, 0, n);
        }

        private float[][] stateChunk(float[][] scratch, int from, int n) {
            float[][] chunk = new float[state.length][];
            for (int s = 0; s < state.length; s++) {
                chunk[s] = scratch[2 + s];
                state[s].get(from, chunk[s], 0, n);
            }
            return chunk;
        }

        /** This thread's arrays: weight, gradient, each state array, the roots. */
        private float[][] scratch() {
            int arrays = 3 + state.length;
            float[][] scratch = SCRATCH.get();
            if (scratch == null || scratch.length < arrays) {
                scratch = new float[arrays][CHUNK];
                SCRATCH.set(scratch);
            }
            return scratch;
        }
    }
}
