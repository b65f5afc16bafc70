package coursekit.kernel.jupyter;

import java.lang.reflect.Field;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.Loop;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

/**
 * JJava's connection with socket loops that survive errors.
 *
 * <p>JJava's loop threads (shell, control, heartbeat) end at the first {@link Error} they meet. A cell
 * that fills the heap can make any thread's next allocation fail, and a kernel whose shell loop has
 * ended no longer answers. So each loop gets an error handler that logs and goes on polling.
 */
public final class KernelConnection extends JupyterConnection {

    public KernelConnection(KernelConnectionProperties properties) throws NoSuchAlgorithmException, InvalidKeyException {
        super(properties);
    }

    @Override
    public void connect() {
        super.connect();
        protect(shell, "ioloop");
        protect(control, "ioloop");
        protect(heartbeat, "pulse");
    }

    private static void protect(Object channel, String fieldName) {
        try {
            Field field = channel.getClass().getDeclaredField(fieldName);
            field.setAccessible(true);
            Loop loop = (Loop) field.get(channel);
            if (loop != null) {
                loop.onError(error -> {
                    System.err.println("coursekit kernel: " + loop.getName() + " recovered from " + error);
                    return 50;
                });
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // A JJava release with other field names: the loops work, only without this protection.
            System.err.println("coursekit kernel: cannot protect the " + fieldName + " loop of " + channel.getClass().getSimpleName() + ": " + e);
        }
    }
}
