package coursekit.data;

import static coursekit.data.IdxTest.assertMessageNames;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class DatasetsTest {

    @TempDir
    Path dir;

    private URLClassLoader loader;

    @AfterEach
    void restore() throws IOException {
        System.clearProperty(Datasets.DATA_PROPERTY);
        Datasets.useResources(Datasets.class.getClassLoader());
        if (loader != null) {
            loader.close();
        }
    }

    @Test
    void fullSetErrorNamesTheExpectedFileAndTheFetchCommand() {
        System.setProperty(Datasets.DATA_PROPERTY, dir.toString());
        DatasetException e = assertThrows(DatasetException.class, Datasets::mnistFull);
        assertMessageNames(e, dir.resolve("mnist").resolve("train-images-idx3-ubyte.gz").toString());
        assertTrue(e.getMessage().contains("./kit fetch mnist"), e.getMessage());
    }

    @Test
    void fashionFullSetErrorGivesItsOwnFetchCommand() {
        System.setProperty(Datasets.DATA_PROPERTY, dir.toString());
        DatasetException e = assertThrows(DatasetException.class, Datasets::fashionMnistFull);
        assertMessageNames(e, dir.resolve("fashion-mnist").toString());
        assertTrue(e.getMessage().contains("./kit fetch fashion-mnist"), e.getMessage());
    }

    @Test
    void fullSetIsReadFromTheDataDirectoryWithThePublishedClassNames() throws IOException {
        Path folder = dir.resolve("fashion-mnist");
        writeMnistLayout(folder, false);
        // The official downloads may also sit unpacked.
        Files.move(folder.resolve("t10k-labels-idx1-ubyte.gz"), folder.resolve("t10k-labels-idx1-ubyte"));
        System.setProperty(Datasets.DATA_PROPERTY, dir.toString());
        TrainTest data = Datasets.fashionMnistFull();
        assertEquals(6, data.train().size());
        assertArrayEquals(new int[] {9, 0}, data.test().labels());
        assertEquals("Ankle boot", data.train().classNames().get(9));
    }

    @Test
    void mnistFolderTakesItsClassNamesFromClassesTxt() throws IOException {
        Path folder = dir.resolve("mnist");
        writeMnistLayout(folder, true);
        TrainTest data = Datasets.mnist(folder);
        assertEquals("digit 3", data.train().classNames().get(3));
        assertEquals(28, data.train().height());
        assertEquals(1, data.train().channels());
    }

    @Test
    void catsDogsFolderIsReadInTheEmbeddedLayout() throws IOException {
        Path folder = dir.resolve("cats-dogs-32");
        writeCatsDogs(folder);
        ImageSet set = Datasets.catsDogs32(folder);
        assertEquals(List.of("cat", "dog"), set.classNames());
        assertEquals(4, set.size());
        assertEquals(3, set.channels());
    }

    @Test
    void embeddedSetIsReadFromTheClasspathOnceAndShared() throws IOException {
        Path classpath = dir.resolve("classes");
        writeCatsDogs(classpath.resolve("coursekit/datasets/cats-dogs-32"));
        useClasspath(classpath);
        ImageSet first = Datasets.catsDogs32();
        assertEquals(4, first.size());
        assertSame(first, Datasets.catsDogs32());
    }

    @Test
    void missingEmbeddedResourceSaysHowToBuildIt() throws IOException {
        useClasspath(Files.createDirectories(dir.resolve("empty")));
        DatasetException e = assertThrows(DatasetException.class, Datasets::mnist);
        assertMessageNames(e, "coursekit/datasets/mnist/train-images-idx3-ubyte.gz");
        assertTrue(e.getMessage().contains("datasets/mnist/"), e.getMessage());
    }

    @Test
    void dataDirectoryComesFromTheSystemPropertyWithTildeExpanded() {
        System.setProperty(Datasets.DATA_PROPERTY, "~/course-data");
        assertEquals(coursekit.io.KitHome.home().resolve("course-data"), Datasets.dataDirectory());
    }

    private void useClasspath(Path root) throws IOException {
        loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null);
        Datasets.useResources(loader);
    }

    private static void writeMnistLayout(Path folder, boolean withClasses) throws IOException {
        Idx.write(folder.resolve("train-images-idx3-ubyte.gz"), new byte[6 * 28 * 28], 6, 28, 28);
        Idx.write(folder.resolve("train-labels-idx1-ubyte.gz"), new byte[] {0, 1, 2, 3, 4, 5}, 6);
        Idx.write(folder.resolve("t10k-images-idx3-ubyte.gz"), new byte[2 * 28 * 28], 2, 28, 28);
        Idx.write(folder.resolve("t10k-labels-idx1-ubyte.gz"), new byte[] {9, 0}, 2);
        if (withClasses) {
            StringBuilder names = new StringBuilder();
            for (int d = 0; d < 10; d++) {
                names.append("digit ").append(d).append('\n');
            }
            Files.writeString(folder.resolve("classes.txt"), names);
        }
    }

    private static void writeCatsDogs(Path folder) throws IOException {
        Idx.write(folder.resolve("images-idx4-ubyte.gz"), new byte[4 * 32 * 32 * 3], 4, 32, 32, 3);
        Idx.write(folder.resolve("labels-idx1-ubyte.gz"), new byte[] {0, 1, 0, 1}, 4);
        Files.writeString(folder.resolve("classes.txt"), "cat\ndog\n");
    }
}
