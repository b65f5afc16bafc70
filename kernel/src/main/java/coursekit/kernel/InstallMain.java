package coursekit.kernel;

import coursekit.kernel.install.EngineCache;
import coursekit.kernel.install.JupyterPaths;
import coursekit.kernel.install.KernelSpec;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./kit install-kernel}: writes this kernel's kernelspec so that Jupyter lists it.
 */
public final class InstallMain {

    static final String USAGE = """
            Usage: ./kit install-kernel [--user | --prefix DIR [--shared]] [--name NAME] [--display-name TEXT]
                                        [--heap SIZE] [--engine NAME] [--device cpu|gpu|gpu:N]
                                        [--timeout SECONDS] [--java PATH] [--jvm-opt OPTION]...
              --user          install for this user (the default)
              --prefix DIR    install into DIR/share/jupyter/kernels (a virtualenv or conda prefix)
              --shared        with --prefix, for every user of a server (e.g. --prefix /opt/tljh/user):
                              copies the whole class path into DIR/share/coursekit/lib and unpacks
                              PyTorch's native libraries into DIR/share/coursekit/djl, readable by all,
                              so the kernel needs nothing from the installing user's folders
              --name NAME     kernelspec name (default coursekit-java)
              --heap SIZE     maximum heap of the kernel JVM, e.g. 4g
              --engine NAME   DJL's default engine, e.g. PyTorch
              --device DEV    where the kit computes: cpu, gpu or gpu:N
              --timeout S     stop any cell after S seconds (default: no limit)
              --java PATH     the java executable to run (default: the one running this)
              --jvm-opt OPT   any other JVM option, repeatable
            """;

    private InstallMain() {}

    public static void main(String[] args) {
        try {
            Path dir = install(args);
            System.out.println("Installed the Java kernel in " + dir + "; `jupyter kernelspec list` shows it.");
        } catch (IllegalArgumentException e) {
            System.err.println("install-kernel: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
        }
    }

    /** Installs as {@code args} say and returns the kernelspec folder. */
    static Path install(String[] args) {
        List<Path> classPath = new ArrayList<>();
        for (String entry : System.getProperty("coursekit.kernel.classpath", System.getProperty("java.class.path")).split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                classPath.add(Path.of(entry));
            }
        }
        KernelSpec.Builder spec = KernelSpec.builder(classPath);
        Path kernels = JupyterPaths.userKernels();
        Path prefix = null;
        boolean shared = false;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--user" -> kernels = JupyterPaths.userKernels();
                case "--prefix" -> {
                    prefix = Path.of(value(args, ++i, option)).toAbsolutePath().normalize();
                    kernels = JupyterPaths.prefixKernels(prefix);
                }
                case "--shared" -> shared = true;
                case "--name" -> spec.name(value(args, ++i, option));
                case "--display-name" -> spec.displayName(value(args, ++i, option));
                case "--heap" -> spec.heap(value(args, ++i, option));
                case "--engine" -> spec.engine(value(args, ++i, option));
                case "--device" -> spec.device(value(args, ++i, option));
                case "--timeout" -> spec.timeoutSeconds(seconds(value(args, ++i, option)));
                case "--java" -> spec.java(Path.of(value(args, ++i, option)));
                case "--jvm-opt" -> spec.jvmOption(value(args, ++i, option));
                case "-h", "--help" -> {
                    System.out.print(USAGE);
                    System.exit(0);
                }
                default -> throw new IllegalArgumentException("unknown option '" + option + "'.");
            }
        }
        if (shared) {
            if (prefix == null) {
                throw new IllegalArgumentException("--shared installs for all users of a server and needs --prefix DIR, e.g. --prefix /opt/tljh/user.");
            }
            Path home = prefix.resolve("share").resolve("coursekit");
            spec.sharedLib(home.resolve("lib"));
            Path natives = home.resolve("djl");
            if (EngineCache.fill(natives, classPath)) {
                // DJL reads ENGINE_CACHE_DIR from the environment first, so a server's setting still wins.
                spec.jvmOption("-DENGINE_CACHE_DIR=" + natives);
            } else {
                System.err.println("install-kernel: PyTorch's native libraries could not be unpacked into " + natives
                        + "; each user's kernel will unpack them into ~/.djl.ai on first use.");
            }
        }
        return spec.build().installInto(kernels);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value.");
        }
        return args[i];
    }

    private static long seconds(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--timeout takes whole seconds, but got '" + text + "'.");
        }
    }
}
