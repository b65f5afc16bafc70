package coursekit.kernel.install;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/** Packs a folder of classes and resources into a jar, entries in a stable order. */
final class Jars {

    private Jars() {}

    static void pack(Path folder, OutputStream out) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(p -> !p.equals(folder)).sorted().toList();
        }
        try (JarOutputStream jar = new JarOutputStream(out, manifest)) {
            for (Path file : files) {
                String name = folder.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                if (name.equals("META-INF/MANIFEST.MF") || name.equals("META-INF")) {
                    continue;
                }
                boolean directory = Files.isDirectory(file);
                jar.putNextEntry(new JarEntry(directory ? name + "/" : name));
                if (!directory) {
                    Files.copy(file, jar);
                }
                jar.closeEntry();
            }
        }
    }
}
