package coursekit.kernel.jupyter;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.dflib.jjava.jupyter.channels.JupyterSocket;
import org.dflib.jjava.jupyter.messages.Message;

/**
 * Sends every IOPub message from one thread of its own, in the order they were posted.
 *
 * <p>Cells must never touch the ZeroMQ socket themselves: interrupting a thread inside a socket
 * operation can close the socket's internal channels and silence the kernel for good. So cell threads
 * only enqueue, and an interrupt can at worst end a cell in the middle of {@link #post}.
 */
final class Outbox implements AutoCloseable {

    private static final Object STOP = new Object();

    private final JupyterSocket iopub;
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Thread sender;
    private volatile boolean open = true;

    Outbox(JupyterSocket iopub) {
        this.iopub = iopub;
        this.sender = new Thread(this::send, "coursekit-iopub");
        sender.setDaemon(true);
        sender.start();
    }

    void post(Message<?> message) {
        if (open) {
            queue.add(message);
        }
    }

    /** Waits until everything posted so far is sent (at most 10 s, so a stuck socket cannot hang a reply). */
    void drain() {
        if (!open) {
            return;
        }
        CountDownLatch done = new CountDownLatch(1);
        queue.add(done);
        try {
            done.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void send() {
        while (true) {
            Object next;
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (next == STOP) {
                return;
            }
            if (next instanceof CountDownLatch latch) {
                latch.countDown();
                continue;
            }
            try {
                iopub.sendMessage((Message<?>) next);
            } catch (Throwable e) {
                // A message that cannot be sent (socket closing, or the heap full while a cell fills it)
                // must not stop the ones after it.
                System.err.println("coursekit kernel: could not publish a message: " + e);
            }
        }
    }

    /**
     * Sends what is queued, then stops taking messages. The sender is stopped by a marker, never
     * interrupted, for the reason in the class comment.
     */
    @Override
    public void close() {
        if (!open) {
            return;
        }
        drain();
        open = false;
        queue.add(STOP);
    }
}
