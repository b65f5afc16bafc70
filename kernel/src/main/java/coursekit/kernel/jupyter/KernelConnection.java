package coursekit.kernel.jupyter;

import java.lang.reflect.Field;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.CountDownLatch;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.Loop;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.zeromq.ZMQ;

/**
 * JJava's connection with shell and control channels that wait for requests instead of polling, and a
 * heartbeat loop that survives errors.
 *
 * <p>The shell and control requests go to {@link WaitingShellChannel}s, which live in a ZeroMQ context
 * of their own; JJava's own shell and control sockets are never bound. The heartbeat, stdin and IOPub
 * sockets are JJava's. JJava's heartbeat thread ends at the first {@link Error} it meets (a cell that
 * fills the heap can make any thread's next allocation fail), so it gets an error handler that logs
 * and goes on.
 */
public final class KernelConnection extends JupyterConnection {

    private final KernelConnectionProperties properties;
    private final ZMQ.Context requests = ZMQ.context(1);
    private final WaitingShellChannel shellRequests;
    private final WaitingShellChannel controlRequests;
    private final CountDownLatch closeDone = new CountDownLatch(1);
    private boolean connected;
    private boolean closed;

    public KernelConnection(KernelConnectionProperties properties) throws NoSuchAlgorithmException, InvalidKeyException {
        super(properties);
        this.properties = properties;
        this.shellRequests = new WaitingShellChannel(requests, properties.createHMACGenerator(), false, this);
        this.controlRequests = new WaitingShellChannel(requests, properties.createHMACGenerator(), true, this);
    }

    /** Binds the sockets in JJava's order and announces the kernel as starting, as JJava's connection does. */
    @Override
    public synchronized void connect() {
        if (connected) {
            return;
        }
        heartbeat.bind(properties);
        shellRequests.bind(properties);
        controlRequests.bind(properties);
        stdin.bind(properties);
        iopub.bind(properties);
        iopub.sendMessage(new Message<>(null, PublishStatus.MESSAGE_TYPE, PublishStatus.STARTING));
        connected = true;
        protect(heartbeat, "pulse");
    }

    /** Closes the request channels (each waits for its thread), then JJava's sockets and both contexts. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            shellRequests.close();
            controlRequests.close();
            requests.close();
            super.close();
        } finally {
            closeDone.countDown();
        }
    }

    /** Returns once the request threads have ended and {@link #close()} has finished. */
    @Override
    public void waitUntilClose() {
        shellRequests.waitUntilClose();
        controlRequests.waitUntilClose();
        super.waitUntilClose();
        try {
            closeDone.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
            // A JJava release with other field names: the loop works, only without this protection.
            System.err.println("coursekit kernel: cannot protect the " + fieldName + " loop of " + channel.getClass().getSimpleName() + ": " + e);
        }
    }
}
