package coursekit.kernel.install;

import com.google.gson.GsonBuilder;
import coursekit.io.AtomicFiles;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A Jupyter kernelspec for this kernel: {@code kernel.json} whose {@code argv} starts a JVM with the
 * kernel's class path, JVM options chosen at install time, and {@code {connection_file}}.
 *
 * <p>Class path entries outside the local Maven repository (the kit's own jars, build folders) are
 * copied into the kernelspec's {@code lib/}, so the kernel survives {@code mvn clean}; jars in
 * {@code ~/.m2/repository} are referenced where they are, which keeps the install small although DJL's
 * native jars are hundreds of megabytes.
 *
 * <p>A shared install ({@link Builder#sharedLib}) copies every entry, Maven's jars included, into one
 * folder readable by all users, class folders packed into jars: the kernel then needs nothing from the
 * installing user's folders, as on a JupyterHub where root installs and students run it.
 */
public final class KernelSpec {

    private final String name;
    private final String displayName;
    private final Path java;
    private final List<String> jvmOptions;
    private final Map<String, String> env;
    private final List<Path> classPath;
    private final Path mavenRepository;
    private final Path sharedLib;

    private KernelSpec(Builder b) {
        this.name = b.name;
        this.displayName = b.displayName;
        this.java = b.java;
        this.jvmOptions = List.copyOf(b.jvmOptions);
        this.env = Map.copyOf(b.env);
        this.classPath = List.copyOf(b.classPath);
        this.mavenRepository = b.mavenRepository;
        this.sharedLib = b.sharedLib;
    }

    public static Builder builder(List<Path> classPath) {
        return new Builder(classPath);
    }

    public String name() {
        return name;
    }

    /** Writes the kernelspec into {@code kernelsDir/NAME} (replacing an older one) and returns that folder. */
    public Path installInto(Path kernelsDir) {
        Path dir = kernelsDir.resolve(name);
        try {
            Path lib = dir.resolve("lib");
            deleteTree(lib);
            List<Path> sources = new ArrayList<>();
            for (Path entry : classPath) {
                Path absolute = entry.toAbsolutePath().normalize();
                if (!Files.exists(absolute)) {
                    throw new IllegalArgumentException("The class path entry " + absolute + " does not exist; build first (./kit build).");
                }
                sources.add(absolute);
            }
            List<String> entries = sharedLib != null ? copyShared(sources) : copyLocal(sources, lib);
            AtomicFiles.write(dir.resolve("kernel.json"), json(String.join(File.pathSeparator, entries)).getBytes(StandardCharsets.UTF_8));
            if (sharedLib != null) {
                readableByAll(kernelsDir.getParent(), kernelsDir, dir);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the kernelspec into " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Copies the entries outside the Maven repository into {@code lib}; the rest stay where they are. */
    private List<String> copyLocal(List<Path> sources, Path lib) throws IOException {
        Files.createDirectories(lib);
        List<String> entries = new ArrayList<>();
        int copied = 0;
        for (Path source : sources) {
            if (source.startsWith(mavenRepository)) {
                entries.add(source.toString());
            } else {
                Path target = lib.resolve(String.format("%02d-%s", copied++, source.getFileName()));
                copy(source, target);
                entries.add(target.toString());
            }
        }
        return entries;
    }

    /**
     * Copies every entry into the shared folder as a jar readable by all (each written beside its place,
     * then moved), and deletes the jars an older install left there.
     */
    private List<String> copyShared(List<Path> sources) throws IOException {
        Files.createDirectories(sharedLib);
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            Path source = sources.get(i);
            String file = source.getFileName().toString();
            Path target = sharedLib.resolve(String.format("%02d-%s", i, Files.isDirectory(source) ? file + ".jar" : file));
            if (Files.isDirectory(source)) {
                AtomicFiles.write(target, out -> Jars.pack(source, out));
            } else {
                AtomicFiles.write(target, out -> Files.copy(source, out));
            }
            entries.add(target.toString());
        }
        try (Stream<Path> files = Files.list(sharedLib)) {
            for (Path old : (Iterable<Path>) files::iterator) {
                if (!entries.contains(old.toString()) && old.getFileName().toString().endsWith(".jar")) {
                    Files.delete(old);
                }
            }
        }
        readableByAll(sharedLib.getParent(), sharedLib);
        return entries;
    }

    /** Lets every user read these files and folders (adding permissions, never taking any away). */
    static void readableByAll(Path... paths) throws IOException {
        for (Path path : paths) {
            if (Files.exists(path) && Files.getFileStore(path).supportsFileAttributeView("posix")) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
                permissions.addAll(Set.of(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ));
                if (Files.isDirectory(path)) {
                    permissions.addAll(Set.of(PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE));
                }
                Files.setPosixFilePermissions(path, permissions);
            }
        }
    }

    /** The {@code kernel.json} text for class path {@code classPath}. */
    String json(String classPath) {
        List<String> argv = new ArrayList<>();
        argv.add(java.toString());
        argv.addAll(jvmOptions);
        argv.add("-cp");
        argv.add(classPath);
        argv.add("coursekit.kernel.KernelMain");
        argv.add("{connection_file}");
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("argv", argv);
        spec.put("display_name", displayName);
        spec.put("language", "java");
        // Jupyter sends interrupt_request on the control channel; the kernel also honours SIGINT.
        spec.put("interrupt_mode", "message");
        spec.put("env", env);
        spec.put("metadata", Map.of("debugger", false));
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(spec) + "\n";
    }

    private static void copy(Path source, Path target) throws IOException {
        if (Files.isDirectory(source)) {
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Path to = target.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        } else {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(file);
            }
        }
    }

    /** Settings of a kernelspec; only the class path is required. */
    public static final class Builder {

        private final List<Path> classPath;
        private String name = "coursekit-java";
        private String displayName = "Java (coursekit)";
        private Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        private final List<String> jvmOptions = new ArrayList<>(List.of("-Xss4m", "-Djava.awt.headless=true", "-Dai.djl.offline=true"));
        private final Map<String, String> env = new LinkedHashMap<>();
        private Path mavenRepository = Path.of(System.getProperty("user.home"), ".m2", "repository");
        private Path sharedLib;

        private Builder(List<Path> classPath) {
            if (classPath.isEmpty()) {
                throw new IllegalArgumentException("A kernelspec needs the kernel's class path, but it is empty; build first (./kit build).");
            }
            this.classPath = List.copyOf(classPath);
        }

        /** The kernelspec's folder name (letters, digits, '.', '_', '-'). */
        public Builder name(String name) {
            if (!name.matches("[A-Za-z0-9._-]+")) {
                throw new IllegalArgumentException("A kernel name may hold only letters, digits, '.', '_' and '-', but got '" + name + "'.");
            }
            this.name = name;
            return this;
        }

        public Builder displayName(String displayName) {
            this.displayName = displayName;
            return this;
        }

        public Builder java(Path java) {
            this.java = java;
            return this;
        }

        /** The kernel's maximum heap, in the JVM's notation ({@code 4g}, {@code 2048m}). */
        public Builder heap(String size) {
            if (!size.matches("\\d+[kKmMgGtT]?")) {
                throw new IllegalArgumentException("A heap size is a number with k, m or g, for example 4g, but got '" + size + "'.");
            }
            jvmOptions.add("-Xmx" + size);
            return this;
        }

        /** DJL's default engine ({@code PyTorch}, {@code TensorFlow}). */
        public Builder engine(String engine) {
            jvmOptions.add("-Dai.djl.default_engine=" + engine);
            return this;
        }

        /** The device the kit computes on: {@code cpu}, {@code gpu} or {@code gpu:N} (sets COURSEKIT_DEVICE). */
        public Builder device(String device) {
            if (!device.matches("cpu|gpu(:\\d+)?")) {
                throw new IllegalArgumentException("A device is cpu, gpu or gpu:N, but got '" + device + "'.");
            }
            env.put("COURSEKIT_DEVICE", device);
            return this;
        }

        /** A time limit per cell in seconds (0 for none). */
        public Builder timeoutSeconds(long seconds) {
            if (seconds < 0) {
                throw new IllegalArgumentException("A cell time limit is 0 (none) or more seconds, but got " + seconds + ".");
            }
            jvmOptions.add("-Dcoursekit.kernel.timeout=" + seconds);
            return this;
        }

        public Builder jvmOption(String option) {
            jvmOptions.add(option);
            return this;
        }

        public Builder env(String key, String value) {
            env.put(key, value);
            return this;
        }

        /** Where the local Maven repository is; its jars are referenced, not copied. */
        public Builder mavenRepository(Path repository) {
            this.mavenRepository = repository.toAbsolutePath().normalize();
            return this;
        }

        /** Copies the whole class path into {@code lib}, readable by all users (a system-wide install). */
        public Builder sharedLib(Path lib) {
            this.sharedLib = lib.toAbsolutePath().normalize();
            return this;
        }

        public KernelSpec build() {
            return new KernelSpec(this);
        }
    }
}
