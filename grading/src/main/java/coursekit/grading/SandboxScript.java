package coursekit.grading;

import java.nio.file.Path;
import java.util.List;

/**
 * The shell script that {@code unshare} runs to build a submission's world: an empty root file system
 * (a tmpfs on a folder of the grader's), into which it binds read-only {@code /usr}, {@code /etc}, the JDK,
 * the folder that holds the kit's class path ({@link KitFolder}; nothing else of the repository, the
 * assignment or {@code ~/.m2} is there), the native-library cache and the result socket's folder; then {@code /dev}'s
 * null, zero and random devices, and fresh, private, {@code noexec} tmpfs file systems for {@code /work}
 * (the working and home folder; {@code /work-1} if the kit itself lives under {@code /work}), {@code /tmp} and {@code /dev/shm}. There is no {@code /proc}. It then
 * changes root into it and starts the command in {@code /work}.
 */
final class SandboxScript {

    /** The folders of the root that exist as links on merged-/usr systems, and as folders elsewhere. */
    private static final List<String> TOP = List.of("bin", "sbin", "lib", "lib32", "lib64", "libx32");

    private SandboxScript() {}

    /** {@code /work}, or {@code /work-N} when a shown path lies under it (a checkout in {@code /work}). */
    static String workFolder(List<Path> shown) {
        String name = "/work";
        for (int n = 1; clashes(name, shown); n++) {
            name = "/work-" + n;
        }
        return name;
    }

    private static boolean clashes(String folder, List<Path> shown) {
        return shown.stream().anyMatch(p -> p.startsWith(folder));
    }

    /**
     * @param root      an empty folder of the grader's to mount the new root on
     * @param readOnly  the folders and files to show read-only at the same path
     * @param workBytes the size of {@code /work}
     */
    static String build(Path root, List<Path> readOnly, long workBytes) {
        String work = workFolder(readOnly);
        StringBuilder s = new StringBuilder("set -e\n");
        s.append("R=").append(quote(root.toString())).append('\n');
        s.append("mount -t tmpfs -o size=16m,mode=755 tmpfs \"$R\"\n");
        // The private file systems first: a bind below /tmp (a checkout there, the result socket) lands on them.
        s.append("W=").append(work).append('\n');
        s.append("mkdir -p \"$R/dev/shm\" \"$R/tmp\" \"$R$W\"\n");
        s.append("for d in null zero random urandom; do : > \"$R/dev/$d\"; mount --bind \"/dev/$d\" \"$R/dev/$d\"; done\n");
        s.append("mount -t tmpfs -o size=64m,nosuid,nodev,noexec tmpfs \"$R/dev/shm\"\n");
        s.append("mount -t tmpfs -o size=256m,nosuid,nodev,noexec tmpfs \"$R/tmp\"\n");
        s.append("mount -t tmpfs -o size=").append(Math.max(1, workBytes >> 20)).append("m,nosuid,nodev,noexec tmpfs \"$R$W\"\n");
        s.append("bind() { if [ -d \"$1\" ]; then mkdir -p \"$R$1\"; else mkdir -p \"$R$(dirname \"$1\")\"; : > \"$R$1\"; fi;"
                + " mount --bind -o ro \"$1\" \"$R$1\"; }\n");
        for (String top : TOP) {
            s.append("if [ -L /").append(top).append(" ]; then ln -s \"$(readlink /").append(top).append(")\" \"$R/").append(top)
                    .append("\"; elif [ -d /").append(top).append(" ]; then bind /").append(top).append("; fi\n");
        }
        for (Path path : readOnly) {
            s.append("[ -e ").append(quote(path.toString())).append(" ] && bind ").append(quote(path.toString())).append('\n');
        }
        s.append("cd /\nexec chroot \"$R\" /bin/sh -c \"cd $W && exec \\\"\\$@\\\"\" sandbox \"$@\"\n");
        return s.toString();
    }

    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
