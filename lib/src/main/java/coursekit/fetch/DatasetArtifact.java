package coursekit.fetch;

import coursekit.data.Datasets;
import coursekit.io.DownloadException;
import coursekit.io.Downloader;
import coursekit.io.Folders;
import coursekit.io.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/**
 * A dataset fetched as its published files and turned into the folder its loader reads, in
 * {@link Datasets#dataDirectory()}. The files are downloaded into a staging folder beside it (so a broken
 * download resumes), the folder is built there and moved into place whole. A mirror holds the published
 * files under {@code datasets/NAME/}.
 */
final class DatasetArtifact implements Artifact {

    /** Builds the dataset's folder {@code result} from the downloaded files in {@code staging}. */
    @FunctionalInterface
    interface Builder {
        void build(Path staging, Path result) throws IOException;
    }

    private final String name;
    private final String description;
    private final long bytes;
    private final String license;
    private final String folder;
    private final List<Downloader.Remote> files;
    private final Builder builder;
    private final Predicate<Path> complete;

    DatasetArtifact(String name, String description, long bytes, String license, String folder,
            List<Downloader.Remote> files, Builder builder, Predicate<Path> complete) {
        this.name = name;
        this.description = description;
        this.bytes = bytes;
        this.license = license;
        this.folder = folder;
        this.files = List.copyOf(files);
        this.builder = builder;
        this.complete = complete;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public long bytes() {
        return bytes;
    }

    @Override
    public String source() {
        return files.size() == 1 ? files.get(0).canonical().toString() : files.get(0).canonical().resolve(".").toString();
    }

    @Override
    public String license() {
        return license;
    }

    @Override
    public Path location() {
        return Datasets.dataDirectory().resolve(folder).toAbsolutePath();
    }

    @Override
    public boolean present() {
        return complete.test(location());
    }

    @Override
    public void fetch(Downloader downloader) {
        Path target = location();
        if (complete.test(target)) {
            return;
        }
        String offline = Downloader.offlineReason();
        if (offline != null) {
            throw new DownloadException("The dataset " + name + " is not in " + target + " and the kit's downloads are off (" + offline
                    + "); unset it and run ./kit fetch " + name + ", or set " + Datasets.DATA_ENV + " to a folder that holds " + folder + "/.");
        }
        if (Files.exists(target)) {
            throw new DownloadException(target + " exists but does not hold the whole dataset " + name + "; move it away and run ./kit fetch "
                    + name + " again.");
        }
        Path staging = target.resolveSibling("." + folder + ".download");
        Path result = staging.resolve(folder);
        try {
            Files.createDirectories(staging);
            try (Progress progress = Progress.start(name, bytes)) {
                for (Downloader.Remote file : files) {
                    Path local = staging.resolve(fileName(file));
                    if (!Files.exists(local)) {
                        downloader.fetch(file, local, progress);
                    }
                }
                progress.finished();
            }
            Folders.deleteTree(result);
            builder.build(staging, result);
            Downloader.moveIntoPlace(result, target);
            Folders.deleteTree(staging);
        } catch (IOException e) {
            Folders.deleteTree(result);
            throw new DownloadException("Cannot build the dataset " + name + " in " + target + " (" + e.getMessage() + "); run ./kit fetch " + name
                    + " again.", e);
        } catch (RuntimeException e) {
            Folders.deleteTree(result);
            throw e;
        }
    }

    @Override
    public void fillMirror(Path mirror, Downloader downloader) {
        try (Progress progress = Progress.start(name, bytes)) {
            for (Downloader.Remote file : files) {
                Path local = mirror.resolve(file.path());
                if (!Files.exists(local)) {
                    downloader.fetch(file, local, progress);
                }
            }
        }
    }

    private static String fileName(Downloader.Remote file) {
        return file.path().substring(file.path().lastIndexOf('/') + 1);
    }

}
