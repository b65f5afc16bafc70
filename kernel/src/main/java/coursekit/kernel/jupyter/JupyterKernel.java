package coursekit.kernel.jupyter;

import coursekit.kernel.eval.CellResult;
import coursekit.kernel.eval.Completion;
import coursekit.kernel.eval.Evaluator;
import coursekit.kernel.eval.Readiness;
import coursekit.kernel.eval.Warmup;
import coursekit.kernel.render.MimeBundle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.request.CompleteRequest;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.dflib.jjava.jupyter.messages.request.InspectRequest;
import org.dflib.jjava.jupyter.messages.request.IsCompleteRequest;
import org.dflib.jjava.jupyter.messages.request.ShutdownRequest;

/**
 * The Jupyter side of the kernel: answers the shell and control requests of the messaging protocol
 * (5.3) with an {@link Evaluator}, on top of JJava's sockets and message codec.
 *
 * <p>Every handler is registered before the sockets bind, so no request can arrive unanswered, and
 * every handler catches everything, so that a failed request is answered with an error reply rather
 * than left without one. The evaluator starts in the background: {@code kernel_info}
 * is answered at once and the first cell waits for JShell. Once it has started, a {@link Warmup} runs
 * throwaway cells whenever the kernel has been idle a moment.
 */
public final class JupyterKernel implements AutoCloseable {

    /** How long the kernel must have had no request before the warm-up runs a cell. */
    static final long IDLE_MILLIS = 500;

    private final JupyterConnection connection;
    private final CompletableFuture<Evaluator> evaluator;
    private final Outbox outbox;
    private final CommandHistory history = new CommandHistory();
    private final ExecutorService stdinReader = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "coursekit-stdin");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger requestsInHand = new AtomicInteger();
    private volatile long lastRequestEnd = System.nanoTime();
    private volatile Warmup warmup;
    private int executionCount;
    // After a failed cell with stop_on_error, requests sent before the failure ("Run All") are aborted.
    private volatile Instant abortSentBefore;

    private JupyterKernel(JupyterConnection connection, Supplier<Evaluator> start) {
        this.connection = connection;
        this.outbox = new Outbox(connection.getIOPub());
        this.evaluator = CompletableFuture.supplyAsync(start, runnable -> {
            Thread thread = new Thread(runnable, "coursekit-evaluator-start");
            thread.setDaemon(true);
            thread.start();
        });
    }

    /**
     * Registers the handlers on {@code connection} (before it connects), starts the notebook's evaluator
     * with the {@code settings} and, once it runs, a {@link Warmup} of {@code warmupCells} cells (0 for
     * none) in an evaluator of the same settings that leaves {@code check(...)} to the notebook's.
     */
    public static JupyterKernel attach(JupyterConnection connection, Supplier<Evaluator.Builder> settings, int warmupCells) {
        JupyterKernel kernel = new JupyterKernel(connection, () -> settings.get().build());
        if (warmupCells > 0) {
            Supplier<Evaluator> throwaway = () -> settings.get().answersChecks(false).build();
            kernel.evaluator.thenRun(() -> kernel.warmup = Warmup.start(throwaway, kernel::idle, warmupCells));
        }
        kernel.handle(MessageType.EXECUTE_REQUEST, kernel::execute);
        kernel.handle(MessageType.KERNEL_INFO_REQUEST, (env, message) -> env.reply(Messages.of(message,
                MessageType.KERNEL_INFO_REPLY, KernelInfo.content())));
        kernel.handle(MessageType.COMPLETE_REQUEST, kernel::complete);
        kernel.handle(MessageType.IS_COMPLETE_REQUEST, kernel::isComplete);
        kernel.handle(MessageType.INSPECT_REQUEST, kernel::inspect);
        kernel.handle(MessageType.HISTORY_REQUEST, kernel::history);
        kernel.handle(MessageType.COMM_INFO_REQUEST, (env, message) -> env.reply(Messages.of(message,
                MessageType.COMM_INFO_REPLY, Messages.ok("comms", Map.of()))));
        kernel.handle(MessageType.INTERRUPT_REQUEST, (env, message) -> {
            kernel.interrupt();
            env.reply(Messages.of(message, MessageType.INTERRUPT_REPLY, Messages.ok()));
        });
        kernel.handle(MessageType.SHUTDOWN_REQUEST, kernel::shutdown);
        // Widgets are not supported; comm messages are accepted and ignored rather than logged as unknown.
        connection.setHandler(MessageType.COMM_OPEN_COMMAND, (env, message) -> { });
        connection.setHandler(MessageType.COMM_MSG_COMMAND, (env, message) -> { });
        connection.setHandler(MessageType.COMM_CLOSE_COMMAND, (env, message) -> { });
        return kernel;
    }

    /** Stops the running cell; safe from any thread (control channel, SIGINT). */
    public void interrupt() {
        Evaluator running = evaluator.getNow(null);
        if (running != null) {
            running.interrupt();
        }
    }

    /** Waits for the evaluator to start; exposes start-up failures. */
    public Evaluator evaluator() {
        return evaluator.join();
    }

    /**
     * Whether no request is in hand and none was for {@value #IDLE_MILLIS} ms: a client that sends its
     * next request right after a reply ("Run All", a benchmark) finds the warm-up paused.
     */
    private boolean idle() {
        return requestsInHand.get() == 0 && System.nanoTime() - lastRequestEnd > TimeUnit.MILLISECONDS.toNanos(IDLE_MILLIS);
    }

    @Override
    public void close() {
        Warmup running = warmup;
        if (running != null) {
            running.close();
        }
        interrupt();
        outbox.close();
        stdinReader.shutdownNow();
        evaluator.thenAccept(Evaluator::close);
    }

    /** Wraps a handler: busy before, idle after, and nothing thrown escapes into the socket loop. */
    private <T> void handle(MessageType<T> type, ShellHandler<T> handler) {
        connection.setHandler(type, (env, message) -> {
            requestsInHand.incrementAndGet();
            status(message, "busy");
            try {
                handler.handle(env, message);
            } catch (Throwable t) {
                System.err.println("coursekit kernel: " + type.getName() + " failed: " + t);
                env.reply(Messages.of(message, replyType(type), Messages.map("status", "error",
                        "ename", t.getClass().getSimpleName(), "evalue", String.valueOf(t.getMessage()), "traceback", List.of(t.toString()))));
            } finally {
                status(message, "idle");
                lastRequestEnd = System.nanoTime();
                requestsInHand.decrementAndGet();
            }
        });
    }

    private void execute(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        ExecuteRequest request = message.getContent();
        if (Aborts.sentBefore(message, abortSentBefore)) {
            env.reply(Messages.of(message, MessageType.EXECUTE_REPLY, Messages.map("status", "aborted",
                    "ename", "Aborted", "evalue", "An earlier cell failed, so this queued cell did not run.",
                    "traceback", List.of(), "execution_count", executionCount)));
            return;
        }
        boolean silent = request.isSilent();
        boolean store = request.shouldStoreHistory() && !silent;
        int count = store ? ++executionCount : Math.max(executionCount, 1);
        if (!silent) {
            outbox.post(Messages.of(message, MessageType.PUBLISH_EXECUTE_INPUT,
                    Messages.map("code", request.getCode(), "execution_count", count)));
        }
        KernelOutput output = new KernelOutput(outbox, message, silent, env, request.isStdinEnabled(), stdinReader);
        CellResult result;
        try {
            result = evaluator().evaluate(request.getCode(), output, count);
        } catch (RuntimeException e) {
            // The evaluator did not start (JShell or the kit missing): every cell says why.
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            outbox.post(Messages.of(message, MessageType.PUBLISH_ERROR, Messages.map("ename", "KernelStartError",
                    "evalue", String.valueOf(cause.getMessage()), "traceback", List.of(String.valueOf(cause.getMessage())))));
            outbox.drain();
            env.reply(Messages.of(message, MessageType.EXECUTE_REPLY, Messages.map("status", "error", "ename", "KernelStartError",
                    "evalue", String.valueOf(cause.getMessage()), "traceback", List.of(), "execution_count", count)));
            return;
        }
        String shown = null;
        if (result.ok()) {
            MimeBundle value = result.value().orElse(null);
            if (value != null && !silent) {
                Map<String, Object> content = KernelOutput.content(value, null);
                content.put("execution_count", count);
                outbox.post(Messages.of(message, MessageType.PUBLISH_EXECUTION_RESULT, content));
                shown = value.text();
            }
            outbox.drain();
            env.reply(Messages.of(message, MessageType.EXECUTE_REPLY, Messages.ok("execution_count", count,
                    "payload", List.of(), "user_expressions", Map.of())));
        } else {
            var error = result.error();
            if (!silent) {
                outbox.post(Messages.of(message, MessageType.PUBLISH_ERROR, Messages.map("ename", error.name(),
                        "evalue", error.value(), "traceback", error.traceback())));
            }
            outbox.drain();
            if (request.shouldStopOnError()) {
                abortSentBefore = Instant.now();
            }
            env.reply(Messages.of(message, MessageType.EXECUTE_REPLY, Messages.map("status", "error",
                    "ename", error.name(), "evalue", error.value(), "traceback", error.traceback(), "execution_count", count)));
        }
        if (store) {
            history.add(count, request.getCode(), shown);
        }
    }

    private void complete(ShellReplyEnvironment env, Message<CompleteRequest> message) {
        String code = message.getContent().getCode();
        int cursor = CodePoints.toIndex(code, message.getContent().getCursorPos());
        Completion completion = evaluator().complete(code, cursor);
        env.reply(Messages.of(message, MessageType.COMPLETE_REPLY, Messages.ok(
                "matches", completion.matches(),
                "cursor_start", CodePoints.toCodePoints(code, completion.start()),
                "cursor_end", CodePoints.toCodePoints(code, completion.end()),
                "metadata", Map.of())));
    }

    private void isComplete(ShellReplyEnvironment env, Message<IsCompleteRequest> message) {
        Readiness readiness = evaluator().readiness(message.getContent().getCode());
        Map<String, Object> content = Messages.map("status", readiness.status());
        if (readiness.status().equals("incomplete")) {
            content.put("indent", readiness.indent());
        }
        env.reply(Messages.of(message, MessageType.IS_COMPLETE_REPLY, content));
    }

    private void inspect(ShellReplyEnvironment env, Message<InspectRequest> message) {
        String code = message.getContent().getCode();
        String text = evaluator().inspect(code, CodePoints.toIndex(code, message.getContent().getCursorPos()));
        env.reply(Messages.of(message, MessageType.INSPECT_REPLY, Messages.ok("found", text != null,
                "data", text == null ? Map.of() : Map.of(MimeBundle.TEXT, text), "metadata", Map.of())));
    }

    private void history(ShellReplyEnvironment env, Message<HistoryRequest> message) {
        HistoryRequest request = message.getContent();
        List<CommandHistory.Entry> entries = switch (request.getAccessType()) {
            case TAIL -> history.tail(((HistoryRequest.Tail) request).getMaxReturnLength());
            case RANGE -> {
                HistoryRequest.Range range = (HistoryRequest.Range) request;
                yield history.range(range.getSessionIndex(), range.getStart(), range.getStop());
            }
            case SEARCH -> {
                HistoryRequest.Search search = (HistoryRequest.Search) request;
                yield history.search(search.getPattern(), search.getMaxReturnLength(), search.filterUnique());
            }
        };
        List<Object> rows = new ArrayList<>();
        for (CommandHistory.Entry entry : entries) {
            Object input = request.includeOutput() ? java.util.Arrays.asList(entry.input(), entry.output()) : entry.input();
            rows.add(List.of(CommandHistory.SESSION, entry.line(), input));
        }
        env.reply(Messages.of(message, MessageType.HISTORY_REPLY, Messages.ok("history", rows)));
    }

    private void shutdown(ShellReplyEnvironment env, Message<ShutdownRequest> message) {
        interrupt();
        boolean restart = message.getContent().isRestart();
        env.reply(Messages.of(message, MessageType.SHUTDOWN_REPLY, Messages.ok("restart", restart)));
        // Idle goes out now: once the handler returns, JJava closes the sockets.
        status(message, "idle");
        outbox.close();
        env.markForShutdown();
    }

    private void status(MessageContext parent, String state) {
        outbox.post(Messages.of(parent, MessageType.PUBLISH_STATUS, Messages.map("execution_state", state)));
    }

    private static MessageType<?> replyType(MessageType<?> request) {
        MessageType<?> reply = MessageType.getType(request.getName().replace("_request", "_reply"));
        return reply == MessageType.UNKNOWN ? request : reply;
    }
}
