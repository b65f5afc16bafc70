package coursekit.kernel.jupyter;

import coursekit.kernel.eval.CellOutput;
import coursekit.kernel.render.MimeBundle;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.MessageType;

/** A cell's outputs as IOPub messages, children of the cell's {@code execute_request}. */
final class KernelOutput implements CellOutput {

    private final Outbox outbox;
    private final MessageContext request;
    private final boolean silent;
    private final ShellReplyEnvironment env;
    private final boolean stdinAllowed;
    private final ExecutorService stdinReader;

    KernelOutput(Outbox outbox, MessageContext request, boolean silent, ShellReplyEnvironment env,
                 boolean stdinAllowed, ExecutorService stdinReader) {
        this.outbox = outbox;
        this.request = request;
        this.silent = silent;
        this.env = env;
        this.stdinAllowed = stdinAllowed;
        this.stdinReader = stdinReader;
    }

    @Override
    public void stream(String name, String text) {
        publish(MessageType.PUBLISH_STREAM, Messages.map("name", name, "text", text));
    }

    @Override
    public void display(MimeBundle bundle, String displayId) {
        publish(MessageType.PUBLISH_DISPLAY_DATA, content(bundle, displayId));
    }

    @Override
    public void updateDisplay(MimeBundle bundle, String displayId) {
        publish(MessageType.PUBLISH_UPDATE_DISPLAY_DATA, content(bundle, displayId));
    }

    @Override
    public void clearOutput(boolean wait) {
        publish(MessageType.PUBLISH_CLEAR_OUTPUT, Messages.map("wait", wait));
    }

    @Override
    public String readLine(String prompt) {
        if (!stdinAllowed) {
            return null;
        }
        // The socket is read on a kernel thread: an interrupt then only abandons the wait.
        Future<String> line = stdinReader.submit(() -> env.readFromStdIn(prompt));
        try {
            String text = line.get();
            return text == null ? null : text.stripTrailing();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            return null;
        }
    }

    static Map<String, Object> content(MimeBundle bundle, String displayId) {
        Map<String, Object> content = Messages.map("data", bundle.data(), "metadata", bundle.metadata());
        if (displayId != null) {
            content.put("transient", Messages.map("display_id", displayId));
        }
        return content;
    }

    private void publish(MessageType<?> type, Map<String, Object> content) {
        if (!silent) {
            outbox.post(Messages.of(request, type, content));
        }
    }
}
