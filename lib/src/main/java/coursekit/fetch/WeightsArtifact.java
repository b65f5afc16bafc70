package coursekit.fetch;

import coursekit.io.Downloader;
import coursekit.weights.WeightsDirectory;
import coursekit.weights.WeightsFile;
import java.nio.file.Path;
import java.util.List;

/** Pretrained weights (one or more files) as a fetchable artifact; a mirror holds them as the weights directory does. */
record WeightsArtifact(String name, String description, List<WeightsFile> files, String license) implements Artifact {

    WeightsArtifact(String name, String description, WeightsFile file, String license) {
        this(name, description, List.of(file), license);
    }

    @Override
    public long bytes() {
        return files.stream().mapToLong(WeightsFile::bytes).sum();
    }

    @Override
    public String source() {
        return files.get(0).source().toString() + (files.size() > 1 ? " (and " + (files.size() - 1) + " more beside it)" : "");
    }

    @Override
    public Path location() {
        return WeightsDirectory.standard().path(files.get(0));
    }

    @Override
    public boolean present() {
        WeightsDirectory directory = WeightsDirectory.standard();
        return files.stream().allMatch(directory::contains);
    }

    @Override
    public void fetch(Downloader downloader) {
        fillMirror(WeightsDirectory.standard().root(), downloader);
    }

    @Override
    public void fillMirror(Path mirror, Downloader downloader) {
        WeightsDirectory directory = WeightsDirectory.at(mirror, downloader);
        files.forEach(directory::locate);
    }
}
