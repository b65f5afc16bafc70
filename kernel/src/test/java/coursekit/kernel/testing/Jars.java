package coursekit.kernel.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles one small class and packs it as a jar, for the class path magics to load. */
public final class Jars {

    private Jars() {}

    /** Compiles {@code source} (a class {@code name} in package {@code demo}) into {@code dir}/classes. */
    public static Path compile(Path dir, String name, String source) throws IOException {
        Path src = dir.resolve("src").resolve(name + ".java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, source, StandardCharsets.UTF_8);
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-d", classes.toString(), src.toString());
        if (status != 0) {
            throw new IOException("javac failed on " + src);
        }
        return classes;
    }

    /** Packs every file under {@code classes} into {@code jar}. */
    public static Path pack(Path classes, Path jar) throws IOException {
        Files.createDirectories(jar.getParent());
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out);
             Stream<Path> files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                zip.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
        return jar;
    }

    public static List<String> lines(String... lines) {
        return List.of(lines);
    }
}
