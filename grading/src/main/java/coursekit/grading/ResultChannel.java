package coursekit.grading;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one way a submission's JVM reports its tests to the grader: a Unix socket that the grader listens on
 * for exactly one connection. {@link SandboxMain} connects as the first thing it does, before it reads its
 * job and long before any submitted code runs; the grader then stops listening, so nothing else can
 * connect, and whatever a submission prints on its standard output counts for nothing. Child processes do
 * not inherit the connection (the JDK closes every descriptor above 2 when it starts one), and the
 * sandbox's security manager refuses Unix sockets to submitted code.
 */
final class ResultChannel implements AutoCloseable {

    private static final int MAX_BYTES = 16 << 20;

    private final Path dir;
    private final Path socket;
    private final ServerSocketChannel server;
    private SocketChannel peer;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private boolean ended;

    private ResultChannel(Path dir) throws IOException {
        this.dir = dir;
        // A short path: a Unix socket's name may not exceed about 100 bytes.
        this.socket = dir.resolve("r");
        this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        server.configureBlocking(false);
    }

    /** Listens in a new folder of the system's temporary folder. */
    static ResultChannel open() throws IOException {
        return new ResultChannel(Files.createTempDirectory("ck"));
    }

    /** The socket's folder, which the sandbox shows to the submission's JVM (nothing else is in it). */
    Path folder() {
        return dir;
    }

    Path socket() {
        return socket;
    }

    /** Accepts the first connection and reads what has arrived so far; never blocks. */
    void poll() throws IOException {
        if (peer == null) {
            peer = server.accept();
            if (peer == null) {
                return;
            }
            server.close();
            Files.deleteIfExists(socket);
            peer.configureBlocking(false);
        }
        ByteBuffer buffer = ByteBuffer.allocate(64 << 10);
        while (!ended) {
            int n = peer.read(buffer);
            if (n < 0) {
                ended = true;
            } else if (n == 0) {
                return;
            } else if (received.size() + n > MAX_BYTES) {
                throw new IOException("the report was larger than " + (MAX_BYTES >> 20) + " MiB");
            } else {
                received.write(buffer.array(), 0, n);
                buffer.clear();
            }
        }
    }

    /** The whole report once the sender closed the connection, or {@code null} when it never finished one. */
    String report() throws IOException {
        poll();
        return ended && received.size() > 0 ? received.toString(StandardCharsets.UTF_8) : null;
    }

    @Override
    public void close() throws IOException {
        server.close();
        if (peer != null) {
            peer.close();
        }
        Files.deleteIfExists(socket);
        Files.deleteIfExists(dir);
    }

    /** The submission's side: connects to {@code socket}; what is written reaches the grader when it is closed. */
    static OutputStream connect(Path socket) throws IOException {
        SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        return Channels.newOutputStream(channel);
    }
}
