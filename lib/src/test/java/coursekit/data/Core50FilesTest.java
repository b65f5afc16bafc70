package coursekit.data;

import static coursekit.data.Core50Fixture.FRAMES;
import static coursekit.data.Core50Fixture.OBJECTS;
import static coursekit.data.Core50Fixture.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Core50FilesTest {

    @TempDir
    Path dir;

    private Path fixture() throws IOException {
        return Core50Fixture.write(dir);
    }

    @Test
    void categoryLabelsGroupFiveObjects() throws IOException {
        Core50Files files = Core50Files.read(fixture(), 8, 8, true, 1);
        assertEquals(List.of("plug adapter", "mobile phone"), files.classNames());
        ImageSet s1 = files.sessions().get(1).images();
        for (int i = 0; i < s1.size(); i++) {
            assertEquals((object(s1, i) - 1) / 5, s1.label(i));
        }
    }

    @Test
    void imagesAreResizedAndFramesThinned() throws IOException {
        Core50Files files = Core50Files.read(fixture(), 4, 4, false, 2);
        ImageSet s1 = files.sessions().get(1).images();
        assertEquals(4, s1.height());
        assertEquals(OBJECTS.length * 2, s1.size());
        assertEquals(0, s1.pixel(0, 0, 0, 2), "frame 0 kept");
        assertEquals(2, s1.pixel(1, 0, 0, 2), "frame 2 kept, frame 1 skipped");
    }

    @Test
    void eachImageKnowsItsObject() throws IOException {
        Core50Files files = Core50Files.read(fixture(), 8, 8, false, 1);
        Core50Files.Session s2 = files.sessions().get(2);
        assertEquals(OBJECTS.length * FRAMES, s2.images().size());
        for (int i = 0; i < s2.images().size(); i++) {
            assertEquals(object(s2.images(), i), s2.objects()[i]);
            assertEquals(files.classOf(s2.objects()[i]), s2.images().label(i));
        }
    }

    @Test
    void theFolderMayBeCore50128x128Itself() throws IOException {
        Path inner = fixture().resolve("core50_128x128");
        assertEquals(4, Core50Files.read(inner, 8, 8, false, 1).classNames().size());
    }

    @Test
    void missingFolderSaysWhereToGetCore50AndWhereToPutIt() {
        var e = assertThrows(DatasetException.class, () -> Core50Files.read(dir.resolve("nowhere"), 32, 32, false, 1));
        assertTrue(e.getMessage().contains("https://vlomonaco.github.io/core50/"), e.getMessage());
        assertTrue(e.getMessage().contains("core50_128x128"), e.getMessage());
        assertTrue(e.getMessage().contains("core50"), e.getMessage());
    }

    @Test
    void defaultFolderIsCore50InTheDataDirectory() throws IOException {
        String before = System.getProperty(Datasets.DATA_PROPERTY);
        System.setProperty(Datasets.DATA_PROPERTY, dir.toString());
        try {
            var e = assertThrows(DatasetException.class, () -> Core50Files.read(null, 32, 32, false, 1));
            assertTrue(e.getMessage().startsWith("CORe50 is not in " + dir.resolve("core50")), e.getMessage());
            fixture();
            assertEquals(4, Core50Files.read(null, 8, 8, false, 1).classNames().size());
        } finally {
            if (before == null) {
                System.clearProperty(Datasets.DATA_PROPERTY);
            } else {
                System.setProperty(Datasets.DATA_PROPERTY, before);
            }
        }
    }

    @Test
    void strayFileInAnObjectFolderIsNamed() throws IOException {
        Path root = fixture();
        Path stray = Files.writeString(root.resolve("core50_128x128/s1/o1/notes.txt"), "x");
        var e = assertThrows(DatasetException.class, () -> Core50Files.read(root, 32, 32, false, 1));
        assertTrue(e.getMessage().startsWith(stray.toString()), e.getMessage());
    }
}
