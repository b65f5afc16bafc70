package coursekit.weights;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a small TF.js layers model: one dense layer "dense" with kernel (2, 3) = 0..5 and bias (3,) = 10, 11, 12. */
final class TinyTfjs {

    static final String MODEL_JSON = """
            {"modelTopology": {"keras_version": "2.1.4", "backend": "tensorflow", "model_config": {"class_name": "Model",
              "config": {"layers": [
                {"class_name": "InputLayer", "name": "input_1", "config": {"name": "input_1", "batch_input_shape": [null, 2]}},
                {"class_name": "Dense", "name": "dense", "config": {"name": "dense", "units": 3, "use_bias": true}}]}}},
             "weightsManifest": [{"paths": ["group1-shard1of2", "group1-shard2of2"],
               "weights": [{"name": "dense/kernel", "shape": [2, 3], "dtype": "float32"},
                           {"name": "dense/bias", "shape": [3], "dtype": "float32"}]}]}
            """;

    private TinyTfjs() {}

    /** Both files as bytes: the group's 36 bytes split 20 + 16 over two shards. */
    static byte[][] shards() {
        ByteBuffer all = ByteBuffer.allocate(36).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : new float[] {0, 1, 2, 3, 4, 5, 10, 11, 12}) {
            all.putFloat(v);
        }
        byte[] bytes = all.array();
        byte[] first = new byte[20];
        byte[] second = new byte[16];
        System.arraycopy(bytes, 0, first, 0, 20);
        System.arraycopy(bytes, 20, second, 0, 16);
        return new byte[][] {first, second};
    }

    static Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("model.json"), MODEL_JSON);
        byte[][] shards = shards();
        Files.write(dir.resolve("group1-shard1of2"), shards[0]);
        Files.write(dir.resolve("group1-shard2of2"), shards[1]);
        return dir;
    }
}
