package coursekit.io;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real HTTP server on 127.0.0.1 that serves files from memory, honours Range requests and records what it was asked. */
public final class TestServer implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile boolean ranges = true;
    private volatile int cutAfter = -1;
    private final Map<String, String> redirects = new ConcurrentHashMap<>();

    public TestServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    /** Serves {@code bytes} at {@code path} (without a leading slash). */
    public TestServer put(String path, byte[] bytes) {
        files.put("/" + path, bytes);
        return this;
    }

    /** Answers {@code path} with a 302 to {@code target} (an absolute address). */
    public TestServer redirect(String path, String target) {
        redirects.put("/" + path, target);
        return this;
    }

    /** Whether Range requests are answered with 206 (true) or ignored with the whole file (false). */
    public TestServer ranges(boolean honoured) {
        this.ranges = honoured;
        return this;
    }

    /** Announces every file whole but closes the connection after {@code bytes} of it; negative sends all. */
    public TestServer cutAfter(int bytes) {
        this.cutAfter = bytes;
        return this;
    }

    /** The server's address with a trailing slash. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** Each request as "PATH" or "PATH Range: bytes=N-". */
    public List<String> requests() {
        return requests;
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String range = exchange.getRequestHeaders().getFirst("Range");
        requests.add(range == null ? path : path + " Range: " + range);
        if (redirects.containsKey(path)) {
            exchange.getResponseHeaders().add("Location", redirects.get(path));
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
            return;
        }
        byte[] bytes = files.get(path);
        if (bytes == null) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        int from = 0;
        int status = 200;
        if (range != null && ranges && range.startsWith("bytes=")) {
            from = Integer.parseInt(range.substring(6, range.indexOf('-')));
            status = 206;
            exchange.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (bytes.length - 1) + "/" + bytes.length);
        }
        exchange.sendResponseHeaders(status, bytes.length - from);
        try (OutputStream out = exchange.getResponseBody()) {
            int end = cutAfter >= 0 ? Math.min(bytes.length, from + cutAfter) : bytes.length;
            out.write(bytes, from, end - from);
            out.flush();
        } catch (IOException e) {
            // closing a body shorter than announced drops the connection, which is the point of cutAfter
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
