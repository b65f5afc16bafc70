package coursekit.fetch;

import coursekit.data.DatasetException;
import coursekit.io.DownloadException;
import coursekit.io.Downloader;
import coursekit.weights.WeightsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./kit fetch}: downloads pretrained weights and datasets into the kit's folders, lists what the
 * kit knows, or fills a classroom mirror.
 */
public final class FetchMain {

    private FetchMain() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        List<String> names = new ArrayList<>();
        Path mirror = null;
        boolean list = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--list" -> list = true;
                case "--to-mirror" -> {
                    if (i + 1 >= args.length) {
                        return usage("--to-mirror needs the folder to fill.");
                    }
                    mirror = Path.of(args[++i]);
                }
                case "-h", "--help" -> {
                    usage(null);
                    return 0;
                }
                case "all" -> names.addAll(Artifacts.names());
                default -> {
                    if (args[i].startsWith("-")) {
                        return usage("Unknown option " + args[i] + ".");
                    }
                    if (Artifacts.named(args[i]).isEmpty()) {
                        return usage("The kit knows no artifact called '" + args[i] + "'.");
                    }
                    names.add(args[i]);
                }
            }
        }
        if (list) {
            System.out.print(listing());
            return 0;
        }
        if (names.isEmpty()) {
            return usage("Name what to fetch.");
        }
        // A mirror is filled from the publishers, never from another mirror.
        Downloader downloader = mirror == null ? Downloader.standard() : Downloader.fromPublishers();
        if (mirror == null && downloader.mirror() != null) {
            System.err.println("Downloading from the mirror " + downloader.mirror() + " (" + Downloader.MIRROR_VARIABLE + ").");
        }
        for (String name : names.stream().distinct().toList()) {
            Artifact artifact = Artifacts.named(name).orElseThrow();
            try {
                if (mirror != null) {
                    artifact.fillMirror(mirror, downloader);
                    System.out.println(name + ": in the mirror " + mirror.toAbsolutePath());
                } else if (artifact.present()) {
                    System.out.println(name + ": already in " + artifact.location());
                } else {
                    artifact.fetch(downloader);
                    System.out.println(name + ": fetched into " + artifact.location());
                }
            } catch (DownloadException | WeightsException | DatasetException e) {
                System.err.println("kit fetch: " + e.getMessage());
                return 1;
            }
        }
        return 0;
    }

    /** One row per artifact: name, size, whether it is there (and where), source and license. */
    static String listing() {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%-15s %-10s %-8s %s%n", "name", "size", "present", "what"));
        for (Artifact a : Artifacts.all()) {
            String size = a.bytes() > 0 ? String.format(Locale.ROOT, "%.1f MB", a.bytes() / 1e6) : "not given";
            text.append(String.format(Locale.ROOT, "%-15s %-10s %-8s %s%n", a.name(), size, a.present() ? "yes" : "no", a.description()))
                    .append(String.format(Locale.ROOT, "%-15s source:  %s%n", "", a.source()))
                    .append(String.format(Locale.ROOT, "%-15s license: %s%n", "", a.license()))
                    .append(String.format(Locale.ROOT, "%-15s into:    %s%n", "", a.location()));
        }
        return text.toString();
    }

    private static int usage(String problem) {
        if (problem != null) {
            System.err.println("kit fetch: " + problem);
        }
        System.err.println("Usage: ./kit fetch NAME... | all        download into the kit's folders (from COURSEKIT_MIRROR when set)\n"
                + "       ./kit fetch --list                list what the kit knows, with size, source, license and whether it is there\n"
                + "       ./kit fetch --to-mirror DIR NAME... | all   download the published files into DIR, to serve as a mirror\n"
                + "Names: " + String.join(", ", Artifacts.names()));
        return problem == null ? 0 : 2;
    }
}
