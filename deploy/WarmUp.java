import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * One tiny PyTorch operation through DJL, run once while the image is built so that DJL extracts
 * PyTorch's native libraries into ENGINE_CACHE_DIR inside the image, not into each user's home.
 * Run with the kit's class path: {@code java -cp "$cp" deploy/WarmUp.java}.
 */
public class WarmUp {
    public static void main(String[] args) {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray sum = manager.ones(new ai.djl.ndarray.types.Shape(2, 2)).sum();
            Engine engine = Engine.getInstance();
            System.out.println(engine.getEngineName() + " " + engine.getVersion() + ": sum of ones(2,2) = " + sum.getFloat());
        }
    }
}
