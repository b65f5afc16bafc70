package coursekit.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkLoadTest {

    @Test
    void loadedParametersTakeEffectAfterAnEarlierForwardPass(@TempDir Path temp) {
        try (Network a = Models.lectureCnn(new long[] {3, 64, 64}, 3);
                Network b = Models.lectureCnn(new long[] {3, 64, 64}, 3);
                NDManager manager = NDManager.newBaseManager(a.device())) {
            NDArray x = manager.randomUniform(0f, 1f, a.batchShape(2));
            float[] expected = a.logits(x, false).toFloatArray();
            b.logits(x, false);
            a.save(temp.resolve("a.params"));
            b.load(temp.resolve("a.params"));
            assertArrayEquals(expected, b.logits(x, false).toFloatArray(), 1e-5f);
        }
    }
}
