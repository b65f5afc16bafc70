package coursekit.io;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * The proxy a user's shell names ({@code https_proxy}, {@code http_proxy}, {@code no_proxy}), which
 * Java ignores by itself; Java's own {@code -Dhttps.proxyHost} settings win when given.
 */
final class EnvironmentProxy extends ProxySelector {

    private final Proxy https;
    private final Proxy http;
    private final List<String> bypass;

    private EnvironmentProxy(Proxy https, Proxy http, List<String> bypass) {
        this.https = https;
        this.http = http;
        this.bypass = bypass;
    }

    static ProxySelector selector() {
        if (System.getProperty("https.proxyHost") != null || System.getProperty("http.proxyHost") != null) {
            return ProxySelector.getDefault();
        }
        Proxy https = parse(variable("https_proxy"));
        Proxy http = parse(variable("http_proxy"));
        String noProxy = variable("no_proxy");
        List<String> bypass = noProxy == null ? List.of()
                : List.of(noProxy.toLowerCase(Locale.ROOT).split("\\s*,\\s*"));
        return new EnvironmentProxy(https != null ? https : http, http, bypass);
    }

    static boolean configured() {
        return System.getProperty("https.proxyHost") != null || variable("https_proxy") != null || variable("http_proxy") != null;
    }

    private static String variable(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name.toUpperCase(Locale.ROOT));
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Proxy parse(String value) {
        if (value == null) {
            return null;
        }
        URI uri = URI.create(value.contains("://") ? value : "http://" + value);
        if (uri.getHost() == null) {
            return null;
        }
        int port = uri.getPort() > 0 ? uri.getPort() : 80;
        return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(uri.getHost(), port));
    }

    @Override
    public List<Proxy> select(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        boolean loopback = host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
        boolean bypassed = bypass.stream().anyMatch(b -> b.equals("*") || (!b.isEmpty() && (host.equals(b.replaceFirst("^\\.", ""))
                || host.endsWith(b.startsWith(".") ? b : "." + b))));
        Proxy proxy = "https".equalsIgnoreCase(uri.getScheme()) ? https : http;
        return proxy == null || loopback || bypassed ? List.of(Proxy.NO_PROXY) : List.of(proxy);
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException e) {
        // the client reports the failure itself
    }
}
