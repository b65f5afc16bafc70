package coursekit.kernel.jupyter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

class KernelConnectionTest {

    private KernelConnectionProperties properties;
    private KernelConnection connection;
    private ZMQ.Context clientContext;
    private ZMQ.Socket client;
    private int sent;

    @BeforeEach
    void connect() throws Exception {
        int[] ports = freePorts(5);
        properties = new KernelConnectionProperties("127.0.0.1", ports[0], ports[1], ports[2], ports[3], ports[4],
                "tcp", "hmac-sha256", "");
        connection = new KernelConnection(properties);
        connection.setHandler(MessageType.KERNEL_INFO_REQUEST, (env, message) ->
                env.reply(Messages.of(message, MessageType.KERNEL_INFO_REPLY, Messages.ok())));
        connection.setHandler(MessageType.COMPLETE_REQUEST, (env, message) -> {
            throw new OutOfMemoryError("Java heap space (as a cell that fills the heap leaves it)");
        });
        connection.setHandler(MessageType.SHUTDOWN_REQUEST, (env, message) -> {
            env.reply(Messages.of(message, MessageType.SHUTDOWN_REPLY, Messages.ok("restart", false)));
            env.markForShutdown();
        });
        connection.connect();
        clientContext = ZMQ.context(1);
        client = handshakenClient();
    }

    /**
     * A DEALER whose ZeroMQ handshake with the kernel has finished. JeroMQ's connecting side now and then
     * stalls after the TCP connect: the kernel's greeting sits unread in the client's receive buffer and
     * the client never sends its own (seen with {@code ss}; zeromq/jeromq#957). Jupyter's clients use
     * libzmq, so that is no fault of the kernel's; a client that has not shaken hands within a second is
     * replaced, and the tests begin once one has.
     */
    private ZMQ.Socket handshakenClient() {
        for (int attempt = 1; attempt <= 5; attempt++) {
            ZMQ.Socket socket = clientContext.socket(SocketType.DEALER);
            socket.setReceiveTimeOut(5_000);
            socket.setLinger(0);
            String monitorAddress = "inproc://handshake-" + attempt;
            socket.monitor(monitorAddress, ZMQ.EVENT_HANDSHAKE_PROTOCOL);
            ZMQ.Socket monitor = clientContext.socket(SocketType.PAIR);
            monitor.setReceiveTimeOut(1_000);
            monitor.connect(monitorAddress);
            socket.connect("tcp://127.0.0.1:" + properties.getShellPort());
            ZMQ.Event event = ZMQ.Event.recv(monitor);
            socket.monitor(null, 0);
            monitor.close();
            if (event != null && event.getEvent() == ZMQ.EVENT_HANDSHAKE_PROTOCOL) {
                return socket;
            }
            socket.close();
        }
        throw new AssertionError("no client could shake hands with the kernel's shell socket in 5 attempts");
    }

    @AfterEach
    void close() {
        client.close();
        clientContext.close();
        connection.close();
    }

    @RepeatedTest(20)
    void answersARequestSentRightAfterConnecting() {
        assertEquals("kernel_info_reply", roundTrip("kernel_info_request"));
    }

    @Test
    void answersRequestsSentRightAfterAReplyWithoutWaitingForAPollingTick() {
        roundTrip("kernel_info_request");
        long fastest = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            long start = System.nanoTime();
            roundTrip("kernel_info_request");
            fastest = Math.min(fastest, System.nanoTime() - start);
        }
        // A channel that sleeps 50 ms after each request answers the next one no sooner than that.
        assertTrue(fastest < 25_000_000, "fastest round trip " + fastest / 1_000_000 + " ms");
    }

    @Test
    void keepsAnsweringAfterAHandlerThrowsAnError() {
        send("complete_request");
        assertEquals("kernel_info_reply", roundTrip("kernel_info_request"));
    }

    @Test
    void aShutdownRequestEndsTheConnection() {
        assertEquals("shutdown_reply", roundTrip("shutdown_request"));
        assertTimeoutPreemptively(Duration.ofSeconds(5), connection::waitUntilClose);
    }

    private String roundTrip(String type) {
        send(type);
        return replyType();
    }

    private void send(String type) {
        String header = "{\"msg_id\":\"m" + (++sent) + "\",\"username\":\"test\",\"session\":\"s\","
                + "\"date\":\"2026-01-01T00:00:00.000Z\",\"msg_type\":\"" + type + "\",\"version\":\"5.3\"}";
        client.sendMore("<IDS|MSG>");
        client.sendMore("");
        client.sendMore(header);
        client.sendMore("{}");
        client.sendMore("{}");
        client.send("{}");
    }

    /** The reply's msg_type, read from its header frame. */
    private String replyType() {
        List<String> frames = new ArrayList<>();
        do {
            byte[] frame = client.recv();
            assertNotNull(frame, "no reply within 5 s");
            frames.add(new String(frame, StandardCharsets.UTF_8));
        } while (client.hasReceiveMore());
        String header = frames.get(frames.indexOf("<IDS|MSG>") + 2);
        Map<?, ?> fields = new com.google.gson.Gson().fromJson(header, Map.class);
        return (String) fields.get("msg_type");
    }

    private static int[] freePorts(int count) throws IOException {
        int[] ports = new int[count];
        List<ServerSocket> open = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0);
                open.add(socket);
                ports[i] = socket.getLocalPort();
            }
        } finally {
            for (ServerSocket socket : open) {
                socket.close();
            }
        }
        return ports;
    }
}
