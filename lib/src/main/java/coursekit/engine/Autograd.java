package coursekit.engine;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * PyTorch's switch for recording operations for gradients, which PyTorch keeps per thread.
 *
 * <p>DJL turns recording off only on the thread that loads the engine; every other thread starts
 * with it on. A notebook kernel runs each cell on a thread of its own, so a model trained in a later
 * cell than the one that loaded the engine would record its weight updates too, and PyTorch refuses
 * in-place updates of weights that are being recorded.
 */
public final class Autograd {

    private Autograd() {}

    /** Turns recording off on the calling thread, as it is on the thread that loaded the engine. */
    public static void offOnThisThread() {
        if ("PyTorch".equals(Engine.getInstance().getEngineName())) {
            JniUtils.setGradMode(false);
        }
    }
}
