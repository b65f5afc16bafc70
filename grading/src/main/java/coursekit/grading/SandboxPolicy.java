package coursekit.grading;

import java.io.File;
import java.io.FilePermission;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.Permission;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The security manager a submission's JVM runs under, installed by {@link SandboxMain} after it has taken
 * its result channel and its job and before any submitted code runs: no process may be started, no socket
 * opened, no link made, no security manager replaced, no other process managed, no heap dumped; files may
 * be read only in the folders the grader names (the JDK, the kit's class path, system libraries, the
 * working folder) and written only in the working folder; {@code /proc} and {@code /dev/fd} are out of reach.
 *
 * <p>Its settings are {@code static final} fields read once from system properties when the class is
 * initialised, which reflection cannot change, and it keeps no other state. It ignores
 * {@code doPrivileged}: the same rules hold for the JDK's own code, which is why the JDK's folders are
 * readable. Java 24 removed security managers; there the grader says so and runs without one.
 */
final class SandboxPolicy extends SecurityManager {

    /** The system property with the folders and files a submission may read, separated by the path separator. */
    static final String READ = "coursekit.sandbox.read";
    /** The system property with the folders a submission may write in. */
    static final String WRITE = "coursekit.sandbox.write";

    private static final List<Path> READABLE = paths(System.getProperty(READ, ""));
    private static final List<Path> WRITABLE = paths(System.getProperty(WRITE, ""));
    private static final List<Path> NEVER = List.of(Path.of("/proc"), Path.of("/dev/fd"), Path.of("/dev/stdin"),
            Path.of("/dev/stdout"), Path.of("/dev/stderr"), Path.of("/dev/core"), Path.of("/sys"));
    private static final Set<String> DENIED_RUNTIME = Set.of("setSecurityManager", "createSecurityManager", "manageProcess");
    private static final Set<String> DENIED_TYPES = Set.of("java.net.SocketPermission", "java.nio.file.LinkPermission",
            "java.lang.management.ManagementPermission", "jdk.jfr.FlightRecorderPermission", "java.security.AllPermission",
            "com.sun.tools.attach.AttachPermission", "com.sun.jdi.JDIPermission", "java.security.UnresolvedPermission");

    /** Whether this JVM can still install a security manager (Java 17 to 23). */
    static boolean supported() {
        return Runtime.version().feature() < 24;
    }

    @Override
    public void checkPermission(Permission permission) {
        check(permission);
    }

    @Override
    public void checkPermission(Permission permission, Object context) {
        check(permission);
    }

    static void check(Permission permission) {
        String type = permission.getClass().getName();
        if (permission instanceof FilePermission file) {
            checkFile(file.getName(), file.getActions());
        } else if (DENIED_TYPES.contains(type)) {
            deny(permission);
        } else if (permission instanceof RuntimePermission && DENIED_RUNTIME.contains(permission.getName())) {
            deny(permission);
        } else if (permission instanceof java.net.NetPermission && permission.getName().equals("accessUnixDomainSocket")) {
            deny(permission);
        }
    }

    /** Allows reading under a readable folder, writing and deleting under a writable one, and nothing else. */
    static void checkFile(String name, String actions) {
        if (actions.contains("execute") || name.equals("<<ALL FILES>>")) {
            throw new SecurityException("The grader does not let a submission run programs or reach every file (" + name + ").");
        }
        String plain = name.endsWith(File.separator + "-") || name.endsWith(File.separator + "*") ? name.substring(0, name.length() - 2) : name;
        Path path;
        try {
            path = Path.of(plain.isEmpty() ? "." : plain).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new SecurityException("The grader does not let a submission open " + name + ".");
        }
        if (under(path, NEVER)) {
            throw new SecurityException("The grader does not let a submission open " + path + ".");
        }
        boolean changes = actions.contains("write") || actions.contains("delete");
        if (under(path, WRITABLE) || !changes && under(path, READABLE) || changes && under(path, READABLE) && probesZip()) {
            return;
        }
        throw new SecurityException("The grader does not let a submission " + (changes ? "write " : "read ") + path
                + "; use the working folder.");
    }

    /**
     * Whether the check comes from a zip file system asking whether its jar is writable, to open it read-only
     * (javac opens the class path's jars this way); writing the jar later is checked again and refused.
     */
    private static boolean probesZip() {
        return StackWalker.getInstance().walk(frames -> frames.anyMatch(f -> f.getClassName().equals("jdk.nio.zipfs.ZipFileSystem")
                && (f.getMethodName().equals("<init>") || f.getMethodName().startsWith("lambda$new$"))));
    }

    private static boolean under(Path path, List<Path> roots) {
        for (Path root : roots) {
            if (path.startsWith(root)) {
                return true;
            }
        }
        return false;
    }

    private static void deny(Permission permission) {
        throw new SecurityException("The grader does not let a submission do this: " + permission);
    }

    private static List<Path> paths(String list) {
        return Arrays.stream(list.split(File.pathSeparator)).filter(s -> !s.isBlank())
                .map(s -> Path.of(s).toAbsolutePath().normalize()).toList();
    }
}
