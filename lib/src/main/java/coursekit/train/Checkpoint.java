package coursekit.train;

import coursekit.io.AtomicFiles;
import coursekit.model.Network;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A training run's state after an epoch: the history so far, the parameters, the optimizer's
 * state and the run's seed, in one file written atomically, so an interrupted run can resume
 * exactly where it stopped.
 */
final class Checkpoint {

    static final String FILE_NAME = "checkpoint.bin";
    private static final String MAGIC = "coursekit-checkpoint-1";

    private Checkpoint() {}

    static Path file(Path dir) {
        return dir.resolve(FILE_NAME);
    }

    static void write(Path dir, Network network, Optimizer optimizer, History history, long seed) {
        AtomicFiles.write(file(dir), raw -> {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw));
            out.writeUTF(MAGIC);
            out.writeUTF(network.name());
            out.writeLong(network.parameterCount());
            out.writeLong(seed);
            byte[] csv = history.toCsv().getBytes(StandardCharsets.UTF_8);
            out.writeInt(csv.length);
            out.write(csv);
            network.writeParameters(out);
            optimizer.write(out);
            out.flush();
        });
    }

    /** What a resumed run continues with. */
    record Restored(History history, long seed) {}

    /** Loads the checkpoint into {@code network} and {@code optimizer}. */
    static Restored read(Path dir, Network network, Optimizer optimizer) {
        Path file = file(dir);
        try (InputStream raw = Files.newInputStream(file)) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(raw));
            if (!MAGIC.equals(in.readUTF())) {
                throw new IllegalArgumentException(file + " is not a coursekit checkpoint; delete it or choose another folder.");
            }
            String name = in.readUTF();
            long parameters = in.readLong();
            if (!name.equals(network.name()) || parameters != network.parameterCount()) {
                throw new IllegalArgumentException(file + " holds network '" + name + "' with " + parameters
                        + " parameters, not '" + network.name() + "' with " + network.parameterCount()
                        + "; resume with the same network or use another checkpoint folder.");
            }
            long seed = in.readLong();
            byte[] csv = new byte[in.readInt()];
            in.readFully(csv);
            History history = History.fromCsv(new String(csv, StandardCharsets.UTF_8), file.toString());
            network.readParameters(in, file.toString());
            optimizer.read(in, network.manager(), file.toString());
            return new Restored(history, seed);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read checkpoint " + file + " (" + e.getMessage()
                    + "); delete it to start afresh.", e);
        }
    }
}
