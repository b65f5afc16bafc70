package coursekit.weights;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The folder where pretrained weight files live: {@code COURSEKIT_WEIGHTS} (or system property
 * {@code coursekit.weights}), else {@code ~/.coursekit/weights}.
 *
 * <p>A file that is not there is downloaded once from where it is published, checked (against
 * the publisher's checksum where one is documented, else by its structure) and moved into place
 * whole, so an interrupted download never leaves half a file behind. With downloads off
 * ({@code coursekit.offline=true}, {@code COURSEKIT_OFFLINE=1}, or DJL's {@code ai.djl.offline} /
 * {@code DJL_OFFLINE}) a missing file is an error that says which file to put where.
 */
public final class WeightsDirectory {

    public static final String VARIABLE = "COURSEKIT_WEIGHTS";
    public static final String PROPERTY = "coursekit.weights";
    public static final String OFFLINE_PROPERTY = "coursekit.offline";
    public static final String OFFLINE_VARIABLE = "COURSEKIT_OFFLINE";

    /** Opens a download; tests replace the network with a function. */
    @FunctionalInterface
    interface Fetcher {
        InputStream open(URI uri) throws IOException;
    }

    private final Path root;
    private final Fetcher fetcher;
    private final Supplier<String> offline;

    WeightsDirectory(Path root, Fetcher fetcher, Supplier<String> offline) {
        this.root = root.toAbsolutePath().normalize();
        this.fetcher = fetcher;
        this.offline = offline;
    }

    /** The directory the settings name: {@code coursekit.weights}, {@code COURSEKIT_WEIGHTS}, else {@code ~/.coursekit/weights}. */
    public static WeightsDirectory standard() {
        String configured = System.getProperty(PROPERTY, System.getenv(VARIABLE));
        Path root = configured != null && !configured.isBlank()
                ? Path.of(configured.trim())
                : Path.of(System.getProperty("user.home"), ".coursekit", "weights");
        return at(root);
    }

    /** The weights directory at {@code root}, which need not exist yet. */
    public static WeightsDirectory at(Path root) {
        return new WeightsDirectory(root, WeightsDirectory::httpGet, WeightsDirectory::offlineReason);
    }

    public Path root() {
        return root;
    }

    /** Where {@code file} lives in this directory, present or not. */
    public Path path(WeightsFile file) {
        return root.resolve(file.name());
    }

    /** Whether {@code file} is present (for a TF.js model: its {@code model.json}). */
    public boolean contains(WeightsFile file) {
        Path path = path(file);
        return file.format() == WeightsFile.Format.TFJS_LAYERS_MODEL
                ? Files.isRegularFile(path.resolve("model.json")) : Files.isRegularFile(path);
    }

    /**
     * The path of {@code file}, downloading it first when it is missing and downloads are on.
     *
     * @throws WeightsException when the file is missing and cannot be had: the message says which
     *     file to put where
     */
    public Path locate(WeightsFile file) {
        if (contains(file)) {
            return path(file);
        }
        String offlineReason = offline.get();
        if (offlineReason != null) {
            throw new WeightsException("The pretrained weights " + file.name() + " are not in " + root + " and downloads are off ("
                    + offlineReason + "); " + manualStep(file) + ", or set " + VARIABLE + " to a directory that holds them.");
        }
        try {
            Files.createDirectories(root);
            if (file.format() == WeightsFile.Format.TFJS_LAYERS_MODEL) {
                downloadTfjs(file);
            } else {
                downloadFile(file);
            }
        } catch (IOException e) {
            throw new WeightsException("Cannot download " + file.name() + " from " + file.source() + " (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + "); " + manualStep(file) + ".", e);
        }
        return path(file);
    }

    /** Why downloads are off, naming the setting, or null when they are on. */
    public static String offlineReason() {
        if (Boolean.parseBoolean(System.getProperty(OFFLINE_PROPERTY))) {
            return OFFLINE_PROPERTY + "=true";
        }
        String variable = System.getenv(OFFLINE_VARIABLE);
        if (variable != null && (variable.equals("1") || variable.equalsIgnoreCase("true"))) {
            return OFFLINE_VARIABLE + "=" + variable;
        }
        if (Boolean.parseBoolean(System.getProperty("ai.djl.offline"))) {
            return "ai.djl.offline=true";
        }
        if (Boolean.parseBoolean(System.getenv("DJL_OFFLINE"))) {
            return "DJL_OFFLINE=true";
        }
        return null;
    }

    private String manualStep(WeightsFile file) {
        if (file.format() == WeightsFile.Format.TFJS_LAYERS_MODEL) {
            return "download " + file.source() + " and the shard files its weightsManifest lists (same address) into "
                    + path(file) + "/";
        }
        return "download " + file.source() + " and save it as " + path(file);
    }

    private void downloadFile(WeightsFile file) throws IOException {
        Path target = path(file);
        Path temp = Files.createTempFile(root, "." + file.name() + ".", ".part");
        try {
            String digest = fetch(file.source(), temp, file.digestAlgorithm());
            if (file.digest() != null && !file.digest().equals(digest)) {
                throw new WeightsException("The download of " + file.name() + " from " + file.source() + " has " + file.digestAlgorithm()
                        + " " + digest + " but its publisher documents " + file.digest() + "; it was not kept, so retry, or save "
                        + "a good copy as " + target + ".");
            }
            if (file.format() == WeightsFile.Format.KERAS_HDF5) {
                KerasHdf5.read(temp); // without a pinned checksum, a file that reads as Keras weights is the structural check
            }
            moveIntoPlace(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private void downloadTfjs(WeightsFile file) throws IOException {
        Path target = path(file);
        Path temp = Files.createTempDirectory(root, "." + file.name() + ".");
        try {
            Path modelJson = temp.resolve("model.json");
            fetch(file.source(), modelJson, null);
            for (String shard : TfjsLayersModel.shardNames(modelJson)) {
                Path local = temp.resolve(shard).normalize();
                if (!local.getParent().equals(temp)) {
                    throw new WeightsException(file.source() + " names a shard outside its directory: " + shard + ".");
                }
                fetch(file.source().resolve(shard), local, null);
            }
            TfjsLayersModel.checkStructure(modelJson);
            moveIntoPlace(temp, target);
        } finally {
            deleteTree(temp);
        }
    }

    /** Copies {@code uri} to {@code target}, returning its checksum when {@code algorithm} is given. */
    private String fetch(URI uri, Path target, String algorithm) throws IOException {
        MessageDigest digest = algorithm == null ? null : newDigest(algorithm);
        try (InputStream in = fetcher.open(uri); OutputStream out = Files.newOutputStream(target)) {
            OutputStream sink = digest == null ? out : new DigestOutputStream(out, digest);
            in.transferTo(sink);
            sink.flush();
        }
        return digest == null ? null : HexFormat.of().formatHex(digest.digest());
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            // Another process put the same file in place meanwhile; keep theirs.
        }
    }

    private static MessageDigest newDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm.toUpperCase(Locale.ROOT));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalArgumentException("Unknown digest algorithm " + algorithm + "; use MD5 or SHA-256.", e);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // a leftover hidden temp folder does no harm: lookups only see completed names
        }
    }

    private static InputStream httpGet(URI uri) throws IOException {
        HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30))
                .build();
        HttpRequest request = HttpRequest.newBuilder(uri).GET().build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                throw new IOException("HTTP status " + response.statusCode());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public String toString() {
        return "WeightsDirectory[" + root + "]";
    }
}
