package coursekit.weights;

import coursekit.io.Checksum;
import coursekit.io.Downloader;
import coursekit.io.Folders;
import coursekit.io.KitHome;
import coursekit.io.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The folder where pretrained weight files live: {@code COURSEKIT_WEIGHTS} (or system property
 * {@code coursekit.weights}), else {@code ~/.coursekit/weights}.
 *
 * <p>A file that is not there is downloaded once (from where it is published, or from the classroom
 * mirror {@code COURSEKIT_MIRROR}), with progress, checked (against the publisher's or the kit's pinned
 * checksum where there is one, else by its structure) and moved into place whole, so an interrupted
 * download never leaves half a file under its name. With the kit's downloads off
 * ({@code COURSEKIT_OFFLINE=1} or {@code coursekit.offline=true}) a missing file is an error that
 * says which file to put where. DJL's {@code ai.djl.offline} concerns DJL's engine files only.
 */
public final class WeightsDirectory {

    public static final String VARIABLE = "COURSEKIT_WEIGHTS";
    public static final String PROPERTY = "coursekit.weights";
    public static final String OFFLINE_PROPERTY = Downloader.OFFLINE_PROPERTY;
    public static final String OFFLINE_VARIABLE = Downloader.OFFLINE_VARIABLE;

    private final Path root;
    private final Downloader downloader;
    private final Supplier<String> offline;

    WeightsDirectory(Path root, Downloader downloader, Supplier<String> offline) {
        this.root = root.toAbsolutePath().normalize();
        this.downloader = downloader;
        this.offline = offline;
    }

    /** The directory the settings name: {@code coursekit.weights}, {@code COURSEKIT_WEIGHTS}, else {@code ~/.coursekit/weights}. */
    public static WeightsDirectory standard() {
        String configured = System.getProperty(PROPERTY, System.getenv(VARIABLE));
        Path root = configured != null && !configured.isBlank()
                ? Path.of(configured.trim())
                : KitHome.folder("weights");
        return at(root);
    }

    /** The weights directory at {@code root}, which need not exist yet, downloading as the settings say. */
    public static WeightsDirectory at(Path root) {
        return at(root, Downloader.standard());
    }

    /** The weights directory at {@code root}, downloading what is missing with {@code downloader}. */
    public static WeightsDirectory at(Path root, Downloader downloader) {
        return new WeightsDirectory(root, downloader, Downloader::offlineReason);
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
     * @throws WeightsException when the file is missing and downloads are off, or the download is damaged
     * @throws coursekit.io.DownloadException when the download cannot be made (network, proxy, disk)
     */
    public Path locate(WeightsFile file) {
        if (contains(file)) {
            return path(file);
        }
        String offlineReason = offline.get();
        if (offlineReason != null) {
            throw new WeightsException("The pretrained weights " + file.name() + " are not in " + root + " and the kit's downloads are off ("
                    + offlineReason + "); " + manualStep(file) + ", or set " + VARIABLE + " to a directory that holds them.");
        }
        try (Progress progress = Progress.start(file.name(), file.bytes())) {
            Files.createDirectories(root);
            if (file.format() == WeightsFile.Format.TFJS_LAYERS_MODEL) {
                downloadTfjs(file, progress);
            } else {
                downloadFile(file, progress);
            }
            progress.finished();
        } catch (IOException e) {
            throw new WeightsException("Cannot create " + root + " for the pretrained weights (" + e.getMessage() + "); set " + VARIABLE
                    + " to a folder you can write.", e);
        }
        return path(file);
    }

    /** Why the kit's downloads are off, naming the setting, or null when they are on. */
    public static String offlineReason() {
        return Downloader.offlineReason();
    }

    private String manualStep(WeightsFile file) {
        if (file.format() == WeightsFile.Format.TFJS_LAYERS_MODEL) {
            return "download " + file.source() + " and the shard files its weightsManifest lists (same address) into "
                    + path(file) + "/";
        }
        return "download " + file.source() + " and save it as " + path(file);
    }

    private void downloadFile(WeightsFile file, Progress progress) throws IOException {
        Path target = path(file);
        Files.createDirectories(target.getParent());
        Path staged = target.resolveSibling("." + target.getFileName() + ".checked");
        Checksum checksum = file.digest() == null ? null : new Checksum(file.digestAlgorithm(), file.digest());
        downloader.fetch(new Downloader.Remote(file.name(), file.source(), checksum), staged, progress);
        try {
            if (file.format() == WeightsFile.Format.KERAS_HDF5) {
                KerasHdf5.read(staged); // without a pinned checksum, a file that reads as Keras weights is the structural check
            }
        } catch (RuntimeException e) {
            Files.deleteIfExists(staged);
            throw damaged(file, e);
        }
        Downloader.moveIntoPlace(staged, target);
        Files.deleteIfExists(staged);
    }

    private void downloadTfjs(WeightsFile file, Progress progress) throws IOException {
        Path target = path(file);
        // A fixed staging folder, so that a broken download resumes where it stopped.
        Path staging = root.resolve("." + file.name() + ".download");
        Files.createDirectories(staging);
        Path modelJson = staging.resolve("model.json");
        try {
            if (!Files.exists(modelJson)) {
                downloader.fetch(new Downloader.Remote(file.name() + "/model.json", file.source(), null), modelJson, progress);
            }
            for (String shard : TfjsLayersModel.shardNames(modelJson)) {
                Path local = staging.resolve(shard).normalize();
                if (!local.getParent().equals(staging)) {
                    throw new WeightsException(file.source() + " names a shard outside its directory: " + shard + ".");
                }
                if (!Files.exists(local)) {
                    downloader.fetch(new Downloader.Remote(file.name() + "/" + shard, file.source().resolve(shard), null), local, progress);
                }
            }
            TfjsLayersModel.checkStructure(modelJson);
        } catch (WeightsException e) {
            Folders.deleteTree(staging);
            throw damaged(file, e);
        } catch (RuntimeException e) {
            // Keep what was downloaded so that the next try resumes; leave no empty folder behind.
            try (Stream<Path> left = Files.list(staging)) {
                if (left.findAny().isEmpty()) {
                    Files.delete(staging);
                }
            }
            throw e;
        }
        Downloader.moveIntoPlace(staging, target);
        Folders.deleteTree(staging);
    }

    private WeightsException damaged(WeightsFile file, RuntimeException e) {
        String from = downloader.mirror() == null ? file.source().toString() : "the mirror " + downloader.mirror();
        return new WeightsException("The download of " + file.name() + " from " + from + " is damaged (" + e.getMessage()
                + "), so it was deleted; run the same command again" + (downloader.mirror() == null ? ""
                        : ", and if it fails the same way fill the mirror again with ./kit fetch --to-mirror") + ".", e);
    }

    @Override
    public String toString() {
        return "WeightsDirectory[" + root + "]";
    }
}
