package coursekit.fetch;

import coursekit.io.Downloader;
import java.nio.file.Path;

/** Something the kit downloads on a user's machine: pretrained weights or a dataset, with where it comes from. */
public interface Artifact {

    /** The name {@code ./kit fetch NAME} takes. */
    String name();

    /** What it is, in a few words. */
    String description();

    /** About how many bytes are downloaded, 0 when the publisher does not say. */
    long bytes();

    /** Where it is published. */
    String source();

    /** Its license, in a few words. */
    String license();

    /** Where it lies once fetched. */
    Path location();

    /** Whether it is already there. */
    boolean present();

    /** Downloads, checks and puts it in place; does nothing when it is present. */
    void fetch(Downloader downloader);

    /** Downloads its published files into {@code mirror}, laid out as {@code COURSEKIT_MIRROR} expects them. */
    void fillMirror(Path mirror, Downloader downloader);
}
