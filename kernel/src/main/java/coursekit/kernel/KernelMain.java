package coursekit.kernel;

import coursekit.kernel.eval.Evaluator;
import coursekit.kernel.jupyter.JupyterKernel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import coursekit.kernel.jupyter.KernelConnection;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

/**
 * The kernel process Jupyter starts: {@code java ... coursekit.kernel.KernelMain CONNECTION_FILE}.
 *
 * <p>Settings come as system properties from the kernelspec: {@code coursekit.kernel.timeout} (seconds
 * per cell, 0 for none), {@code coursekit.kernel.maven.offline} and {@code coursekit.kernel.warmup}
 * (throwaway cells run while the kernel is idle, {@value #WARMUP_CELLS} by default, 0 for none).
 */
public final class KernelMain {

    /** Enough cells for the JIT to compile javac's hot paths; about 10 s of one core on a 2-core machine. */
    static final int WARMUP_CELLS = 400;

    private KernelMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("Usage: java -cp ... coursekit.kernel.KernelMain CONNECTION_FILE"
                    + " (Jupyter passes the connection file; install the kernel with ./kit install-kernel).");
            System.exit(2);
        }
        KernelConnectionProperties properties;
        try {
            properties = KernelConnectionProperties.parse(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8));
        } catch (IOException e) {
            System.err.println("coursekit kernel: cannot read the connection file " + args[0] + ": " + e.getMessage());
            System.exit(2);
            return;
        }
        JupyterConnection connection = new KernelConnection(properties);
        JupyterKernel kernel = JupyterKernel.attach(connection, () -> Evaluator.builder()
                .timeout(Duration.ofSeconds(Long.getLong("coursekit.kernel.timeout", 0L)))
                .mavenOffline(Boolean.getBoolean("coursekit.kernel.maven.offline")),
                Math.max(0, Integer.getInteger("coursekit.kernel.warmup", WARMUP_CELLS)));
        connection.connect();
        Signals.onInterrupt(kernel::interrupt);
        ParentWatch.exitWhenParentDies();
        connection.waitUntilClose();
        kernel.close();
        // Cell threads, DJL and ZeroMQ may leave non-daemon threads behind; the kernel's life ends here.
        System.exit(0);
    }
}
