package coursekit.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.HttpURLConnection;
import java.net.ProxySelector;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Downloads the files the kit needs from where they are published, or from a classroom mirror
 * ({@value #MIRROR_VARIABLE}), with progress, resumption of a broken download, a checksum check and
 * an atomic move into place: a file appears under its name whole and checked, or not at all.
 *
 * <p>The kit's downloads have their own switch, {@value #OFFLINE_VARIABLE}; DJL's
 * {@code ai.djl.offline} only concerns DJL's engine files and does not turn them off.
 */
public final class Downloader {

    public static final String MIRROR_VARIABLE = "COURSEKIT_MIRROR";
    public static final String MIRROR_PROPERTY = "coursekit.mirror";
    public static final String OFFLINE_VARIABLE = "COURSEKIT_OFFLINE";
    public static final String OFFLINE_PROPERTY = "coursekit.offline";

    /**
     * A published file: {@code path} is where it lies on a mirror (and names it in messages),
     * {@code canonical} where its publisher serves it, {@code checksum} what it must hash to (or null).
     */
    public record Remote(String path, URI canonical, Checksum checksum) {
        public Remote {
            if (!path.matches("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*") || path.contains("..")) {
                throw new IllegalArgumentException("A mirror path is relative, of letters, digits, '.', '_' and '-'; got " + path);
            }
        }
    }

    private static final int CONNECT_TIMEOUT_MILLIS = 20_000;
    private static final int READ_TIMEOUT_MILLIS = 60_000;
    private static final int MAX_REDIRECTS = 8;

    private final URI mirror;
    private final ProxySelector proxy = EnvironmentProxy.selector();
    private final int readTimeoutMillis;

    private Downloader(URI mirror) {
        this(mirror, READ_TIMEOUT_MILLIS);
    }

    Downloader(URI mirror, int readTimeoutMillis) {
        this.mirror = mirror;
        this.readTimeoutMillis = readTimeoutMillis;
    }

    /** The same downloader, giving up on a connection that sends nothing for {@code millis}. */
    Downloader withReadTimeout(int millis) {
        return new Downloader(mirror, millis);
    }

    /** Downloads from the mirror the settings name ({@value #MIRROR_PROPERTY}, {@value #MIRROR_VARIABLE}), else from publishers. */
    public static Downloader standard() {
        String configured = System.getProperty(MIRROR_PROPERTY, System.getenv(MIRROR_VARIABLE));
        return configured == null || configured.isBlank() ? new Downloader(null) : mirroredAt(configured.trim());
    }

    /** Downloads everything from {@code mirror}: an {@code http(s):} or {@code file:} address, or a folder. */
    public static Downloader mirroredAt(String mirror) {
        URI uri;
        if (mirror.matches("(?i)(https?|file):.*")) {
            uri = URI.create(mirror);
        } else {
            uri = Path.of(mirror).toAbsolutePath().toUri();
        }
        String text = uri.toString();
        return new Downloader(URI.create(text.endsWith("/") ? text : text + "/"));
    }

    /** Downloads everything from its publisher, whatever the settings say. */
    public static Downloader fromPublishers() {
        return new Downloader(null);
    }

    /** Why the kit's downloads are off, naming the setting, or null when they are on. */
    public static String offlineReason() {
        if (Boolean.parseBoolean(System.getProperty(OFFLINE_PROPERTY))) {
            return OFFLINE_PROPERTY + "=true";
        }
        String variable = System.getenv(OFFLINE_VARIABLE);
        if (variable != null && (variable.equals("1") || variable.equalsIgnoreCase("true"))) {
            return OFFLINE_VARIABLE + "=" + variable;
        }
        return null;
    }

    /** The mirror everything comes from, or null for the publishers. */
    public URI mirror() {
        return mirror;
    }

    /** Where {@code remote} is downloaded from. */
    public URI address(Remote remote) {
        if (mirror == null) {
            return remote.canonical();
        }
        return mirror.resolve(remote.path());
    }

    /**
     * Downloads {@code remote} into {@code target}, which must not exist yet. A broken earlier download
     * of the same file is resumed where the server allows it and restarted where not.
     *
     * @throws DownloadException naming the file, the address and what to do, when it cannot be had
     */
    public void fetch(Remote remote, Path target, Progress progress) {
        Path part = target.resolveSibling("." + target.getFileName() + ".part");
        URI uri = address(remote);
        long expected = -1;
        long have = 0;
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            have = Files.exists(part) ? Files.size(part) : 0;
            Opened opened = open(uri, have, remote);
            if (!opened.resumed) {
                have = 0;
            }
            expected = opened.remaining < 0 ? -1 : have + opened.remaining;
            progress.add(have);
            StandardOpenOption mode = opened.resumed ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING;
            try (InputStream in = opened.body;
                    OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode)) {
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    out.write(buffer, 0, n);
                    progress.add(n);
                }
            }
            long size = Files.size(part);
            if (expected >= 0 && size != expected) {
                throw new DownloadException("The download of " + remote.path() + " from " + uri + " stopped after " + size + " of "
                        + expected + " bytes; run the same command again: it resumes where it stopped.");
            }
            if (remote.checksum() != null) {
                String actual = remote.checksum().of(part);
                if (!actual.equals(remote.checksum().hex())) {
                    Files.deleteIfExists(part);
                    throw new DownloadException(remote.path() + " from " + uri + " has " + remote.checksum().algorithm() + " " + actual
                            + " but should have " + remote.checksum().hex() + ", so it was deleted; run the same command again, and if "
                            + "it fails the same way the file at " + (mirror == null ? "its source" : "the mirror") + " is damaged or has "
                            + "changed" + (mirror == null ? "" : ": fill the mirror again with ./kit fetch --to-mirror") + ".");
                }
            }
            moveIntoPlace(part, target);
        } catch (IOException e) {
            throw explain(e, remote, uri, target, have);
        }
    }

    /** One sentence for a failed download: no network, a proxy, a full disk, a missing file, or a broken connection. */
    DownloadException explain(IOException e, Remote remote, URI uri, Path target, long have) {
        String name = remote.path();
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String retry = mirror == null
                ? "connect to the network and run the same command again, or set " + MIRROR_VARIABLE + " to a classroom mirror that holds it"
                : "check that the mirror " + mirror + " is up (" + MIRROR_VARIABLE + "), or unset " + MIRROR_VARIABLE
                        + " to download from the publisher";
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (reason.contains("No space left on device") || String.valueOf(root.getMessage()).contains("No space left on device")) {
            return new DownloadException("The disk holding " + target.toAbsolutePath().getParent() + " is full, so " + name
                    + " could not be saved; free some space (or point the kit's folder at another disk) and run the same command again; "
                    + "it resumes where it stopped.", e);
        }
        if (e instanceof NoSuchFileException) {
            return new DownloadException("There is no " + name + " at " + uri + "; fill the mirror with ./kit fetch --to-mirror, or "
                    + retry + ".", e);
        }
        if (isProxyFailure(reason)) {
            return new DownloadException("The proxy refused the download of " + name + " from " + uri + " (" + reason + "); check "
                    + "https_proxy (http://user:password@host:port) and no_proxy, or download from a mirror with " + MIRROR_VARIABLE + ".", e);
        }
        if (e instanceof UnknownHostException || root instanceof UnknownHostException) {
            return new DownloadException("Cannot download " + name + ": the host " + uri.getHost() + " is unknown (no network, or no DNS); "
                    + retry + ".", e);
        }
        if (e instanceof ConnectException || root instanceof ConnectException || e instanceof NoRouteToHostException
                || e instanceof SocketTimeoutException && have == 0 && String.valueOf(e.getMessage()).contains("connect")) {
            return new DownloadException("Cannot download " + name + ": nothing answers at " + uri + " (" + reason + "); " + retry + ".", e);
        }
        if (e instanceof SocketTimeoutException) {
            return new DownloadException("The download of " + name + " from " + uri + " stalled (nothing arrived for "
                    + readTimeoutMillis / 1000 + " s); run the same command again: it resumes where it stopped.", e);
        }
        return new DownloadException("The download of " + name + " from " + uri + " failed (" + reason + "); run the same command "
                + "again: it resumes where it stopped.", e);
    }

    private static boolean isProxyFailure(String reason) {
        String text = reason.toLowerCase(Locale.ROOT);
        return EnvironmentProxy.configured() && (text.contains("407") || text.contains("tunnel") || text.contains("proxy"));
    }

    private record Opened(InputStream body, boolean resumed, long remaining) {}

    private Opened open(URI uri, long have, Remote remote) throws IOException {
        if ("file".equalsIgnoreCase(uri.getScheme())) {
            Path file = Path.of(uri);
            long size = Files.size(file);
            InputStream in = Files.newInputStream(file);
            boolean resumed = have > 0 && have <= size;
            if (resumed) {
                in.skipNBytes(have);
            }
            return new Opened(in, resumed, resumed ? size - have : size);
        }
        URI current = uri;
        for (int hop = 0; hop < MAX_REDIRECTS; hop++) {
            HttpURLConnection connection = (HttpURLConnection) current.toURL().openConnection(proxy.select(current).get(0));
            connection.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
            connection.setReadTimeout(readTimeoutMillis);
            connection.setInstanceFollowRedirects(false);
            connection.setRequestProperty("User-Agent", "coursekit");
            if (have > 0) {
                connection.setRequestProperty("Range", "bytes=" + have + "-");
            }
            int status = connection.getResponseCode();
            String location = connection.getHeaderField("Location");
            if (status >= 300 && status < 400 && location != null) {
                connection.disconnect();
                current = current.resolve(location);
                continue;
            }
            long length = connection.getContentLengthLong();
            String contentRange = connection.getHeaderField("Content-Range");
            if (status == 206 && contentRange != null && contentRange.startsWith("bytes " + have + "-")) {
                return new Opened(connection.getInputStream(), true, length);
            }
            if (status == 200) {
                return new Opened(connection.getInputStream(), false, length);
            }
            connection.disconnect();
            if (status == 416 && have > 0) {
                // The partial file does not fit what the server holds now: start again.
                return open(uri, 0, remote);
            }
            if (status == 407) {
                throw new IOException("HTTP 407 proxy authentication required");
            }
            throw new DownloadException(uri + " answered HTTP " + status + " for " + remote.path() + (status == 404
                    ? "; the file is not there" + (mirror == null ? " any more: look for a newer coursekit, or set " + MIRROR_VARIABLE
                            + " to a mirror that holds it" : ": fill the mirror with ./kit fetch --to-mirror")
                    : "; try again later, or set " + MIRROR_VARIABLE + " to a mirror that holds it") + ".");
        }
        throw new IOException("more than " + MAX_REDIRECTS + " redirects");
    }

    /** Moves {@code source} to {@code target} atomically; a target another process put in place meanwhile is kept. */
    public static void moveIntoPlace(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target);
        } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
            // someone else finished the same download first; theirs is as good
        }
    }

    @Override
    public String toString() {
        return mirror == null ? "Downloader[from publishers]" : "Downloader[mirror " + mirror + "]";
    }
}
