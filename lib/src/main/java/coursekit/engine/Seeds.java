package coursekit.engine;

import ai.djl.engine.Engine;
import java.util.SplittableRandom;

/**
 * The kit's one source of seeds: {@link #set(long)} makes every later weight initialisation,
 * shuffle and dropout mask reproducible, as Keras's {@code set_random_seed} does.
 */
public final class Seeds {

    private static SplittableRandom sequence = new SplittableRandom(42);

    private Seeds() {}

    /** Restarts the seed sequence and seeds PyTorch; returns {@code seed} so it reads well inline. */
    public static synchronized long set(long seed) {
        sequence = new SplittableRandom(seed);
        Engine.getInstance().setRandomSeed((int) seed);
        return seed;
    }

    /** The next seed of the sequence, for a component that was given none. */
    public static synchronized long next() {
        return sequence.nextLong() & 0x7fffffffL;
    }

    /** Seeds PyTorch's generator, before an initialisation or a training run. */
    public static void seedEngine(long seed) {
        Engine.getInstance().setRandomSeed((int) (seed & 0x7fffffff));
    }
}
