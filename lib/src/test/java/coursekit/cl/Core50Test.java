package coursekit.cl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coursekit.data.DatasetException;
import coursekit.data.ImageSet;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Core50Test {

    /** Two categories (plug adapters o1, o2; mobile phones o6, o7), three training sessions and test session 3. */
    private static final int[] OBJECTS = {1, 2, 6, 7};
    private static final int[] SESSIONS = {1, 2, 3, 4};
    private static final int FRAMES = 4;

    @TempDir
    Path dir;

    /**
     * Writes {@code core50_128x128/sS/oO/C_SS_OO_FFF.png} as CORe50 names them: 8x8 frames whose red channel is 10 times
     * the object, green 10 times the session and blue the frame, so every image tells where it came from.
     */
    private Path fixture() throws IOException {
        return fixture(OBJECTS, SESSIONS, FRAMES);
    }

    private Path fixture(int[] objects, int[] sessions, int frames) throws IOException {
        Path root = dir.resolve("core50");
        for (int s : sessions) {
            for (int o : objects) {
                Path folder = Files.createDirectories(root.resolve("core50_128x128/s" + s + "/o" + o));
                for (int f = 0; f < frames; f++) {
                    BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
                    for (int y = 0; y < 8; y++) {
                        for (int x = 0; x < 8; x++) {
                            image.setRGB(x, y, (10 * o) << 16 | (10 * s) << 8 | f);
                        }
                    }
                    ImageIO.write(image, "png", folder.resolve(String.format("C_%02d_%02d_%03d.png", s, o, f)).toFile());
                }
            }
        }
        return root;
    }

    private Core50 load(boolean categories) throws IOException {
        return Core50.builder().folder(fixture()).imageSize(8, 8).categories(categories).build();
    }

    private static int object(ImageSet set, int i) {
        return set.pixel(i, 0, 0, 0) / 10;
    }

    private static int session(ImageSet set, int i) {
        return set.pixel(i, 0, 0, 1) / 10;
    }

    @Test
    void readsSessionsObjectsAndFrames() throws IOException {
        Core50 core50 = load(false);
        assertEquals(List.of("o1 (plug adapter)", "o2 (plug adapter)", "o6 (mobile phone)", "o7 (mobile phone)"), core50.classNames());
        assertEquals(List.of(1, 2, 4), core50.trainingSessions());
        assertEquals(List.of(3), core50.testSessions());
        ImageSet s2 = core50.session(2);
        assertEquals(OBJECTS.length * FRAMES, s2.size());
        for (int i = 0; i < s2.size(); i++) {
            assertEquals(2, session(s2, i));
            assertEquals(OBJECTS[s2.label(i)], object(s2, i));
        }
        assertEquals(16, core50.testSet().size());
    }

    @Test
    void categoryLabelsGroupFiveObjects() throws IOException {
        Core50 core50 = load(true);
        assertEquals(List.of("plug adapter", "mobile phone"), core50.classNames());
        ImageSet s1 = core50.session(1);
        for (int i = 0; i < s1.size(); i++) {
            assertEquals((object(s1, i) - 1) / 5, s1.label(i));
        }
    }

    @Test
    void imagesAreResizedAndFramesThinned() throws IOException {
        Core50 core50 = Core50.builder().folder(fixture()).imageSize(4, 4).frameStep(2).build();
        ImageSet s1 = core50.session(1);
        assertEquals(4, s1.height());
        assertEquals(OBJECTS.length * 2, s1.size());
        assertEquals(0, s1.pixel(0, 0, 0, 2), "frame 0 kept");
        assertEquals(2, s1.pixel(1, 0, 0, 2), "frame 2 kept, frame 1 skipped");
    }

    @Test
    void theFolderMayBeCore50128x128Itself() throws IOException {
        Path inner = fixture().resolve("core50_128x128");
        assertEquals(4, Core50.builder().folder(inner).imageSize(8, 8).build().numClasses());
    }

    @Test
    void missingFolderSaysWhereToGetCore50AndWhereToPutIt() {
        var e = assertThrows(DatasetException.class, () -> Core50.builder().folder(dir.resolve("nowhere")).build());
        assertTrue(e.getMessage().contains("https://vlomonaco.github.io/core50/"), e.getMessage());
        assertTrue(e.getMessage().contains("core50_128x128"), e.getMessage());
        assertTrue(e.getMessage().contains("core50"), e.getMessage());
    }

    @Test
    void defaultFolderIsCore50InTheDataDirectory() throws IOException {
        String before = System.getProperty(coursekit.data.Datasets.DATA_PROPERTY);
        System.setProperty(coursekit.data.Datasets.DATA_PROPERTY, dir.toString());
        try {
            var e = assertThrows(DatasetException.class, () -> Core50.builder().build());
            assertTrue(e.getMessage().startsWith("CORe50 is not in " + dir.resolve("core50")), e.getMessage());
            fixture();
            assertEquals(4, Core50.builder().imageSize(8, 8).build().numClasses());
        } finally {
            if (before == null) {
                System.clearProperty(coursekit.data.Datasets.DATA_PROPERTY);
            } else {
                System.setProperty(coursekit.data.Datasets.DATA_PROPERTY, before);
            }
        }
    }

    @Test
    void strayFileInAnObjectFolderIsNamed() throws IOException {
        Path root = fixture();
        Path stray = Files.writeString(root.resolve("core50_128x128/s1/o1/notes.txt"), "x");
        var e = assertThrows(DatasetException.class, () -> Core50.builder().folder(root).build());
        assertTrue(e.getMessage().startsWith(stray.toString()), e.getMessage());
    }

    @Test
    void noTestSessionIsReported() throws IOException {
        Path root = fixture();
        var e = assertThrows(DatasetException.class, () -> Core50.builder().folder(root).testSessions(7, 10).build());
        assertTrue(e.getMessage().contains("[7, 10]"), e.getMessage());
    }

    @Test
    void niHasOneExperiencePerTrainingSessionWithAllClasses() throws IOException {
        Core50 core50 = load(false);
        Scenario ni = core50.ni(3);
        assertEquals(3, ni.size());
        Set<Integer> sessionsSeen = new HashSet<>();
        for (Experience e : ni.stream()) {
            assertArrayEquals(new int[] {0, 1, 2, 3}, e.classes());
            int s = session(e.train(), 0);
            for (int i = 0; i < e.train().size(); i++) {
                assertEquals(s, session(e.train(), i), "one session per experience");
            }
            sessionsSeen.add(s);
            assertEquals(3, session(e.test(), 0), "tested on session 3");
        }
        assertEquals(Set.of(1, 2, 4), sessionsSeen);
        assertEquals(16, ni.testUpTo(2).size(), "each test image once, not once per experience");
        assertTrue(ni.name().startsWith("CORe50 NI (3 sessions of 4 objects, seed 3, sessions ["), ni.name());
    }

    @Test
    void ncCutsClassesFirstThenEqualParts() throws IOException {
        Scenario nc = load(false).nc(2, 1, 5);
        assertEquals(3, nc.size());
        assertEquals(2, nc.experience(0).numClasses());
        assertEquals(1, nc.experience(2).numClasses());
        ImageSet first = nc.experience(0).train();
        assertEquals(2 * 3 * FRAMES, first.size(), "two objects in three training sessions");
        for (int i = 0; i < first.size(); i++) {
            assertEquals(OBJECTS[nc.classOrder()[first.label(i)]], object(first, i));
        }
        assertTrue(nc.name().startsWith("CORe50 NC, objects (classes [2, 1, 1], seed 5"), nc.name());
    }

    @Test
    void standardNcNeedsAllFiftyObjects() throws IOException {
        Core50 core50 = load(false);
        var e = assertThrows(IllegalArgumentException.class, () -> core50.nc(1));
        assertTrue(e.getMessage().contains("all 50 objects"), e.getMessage());
    }

    @Test
    void nicBringsSessionObjectUnitsWithNewClassesLabelledInOrderOfArrival() throws IOException {
        Core50 core50 = load(false);
        Scenario nic = core50.nic(2, 2, 9);
        // 4 objects x 3 training sessions = 12 units: 2 in the first experience, then 10 dealt 2 at a time.
        assertEquals(6, nic.size());
        assertEquals(2, nic.experience(0).numClasses());
        int total = 0;
        int seen = 0;
        Map<Integer, Integer> lastSession = new HashMap<>();
        for (Experience e : nic.stream()) {
            ImageSet train = e.train();
            total += train.size();
            for (int c : e.classes()) {
                assertTrue(c <= seen, "new classes take the next label: " + c + " after " + seen + " seen");
                seen = Math.max(seen, c + 1);
            }
            for (int i = 0; i < train.size(); i++) {
                int o = object(train, i);
                assertEquals(o, OBJECTS[nic.classOrder()[train.label(i)]]);
                int s = session(train, i);
                if (e.index() > 0) {
                    assertTrue(s >= lastSession.getOrDefault(o, 0), "object o" + o + " goes back to session " + s);
                    lastSession.put(o, s);
                }
            }
        }
        assertEquals(12 * FRAMES, total, "every unit exactly once");
        assertEquals(4, seen);
        assertEquals(16, nic.testUpTo(5).size());
    }

    @Test
    void nicIsTheSameForTheSameSeed() throws IOException {
        Core50 core50 = load(false);
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        for (Experience e : core50.nic(2, 2, 9).stream()) {
            a.add(e.train().digest());
        }
        for (Experience e : core50.nic(2, 2, 9).stream()) {
            b.add(e.train().digest());
        }
        assertEquals(a, b);
    }
    /** All 50 objects in the 8 training sessions and test session 3, one frame each: the standard protocols' sizes. */
    private Core50 fullLayout(boolean categories) throws IOException {
        int[] objects = java.util.stream.IntStream.rangeClosed(1, 50).toArray();
        Path root = fixture(objects, new int[] {1, 2, 3, 4, 5, 6, 8, 9, 11}, 1);
        return Core50.builder().folder(root).imageSize(2, 2).categories(categories).build();
    }

    @Test
    void standardCutsOnTheFullLayout() throws IOException {
        Core50 core50 = fullLayout(false);
        assertEquals(8, core50.ni(1).size());
        Scenario nc = core50.nc(1);
        assertEquals(9, nc.size());
        assertEquals(10, nc.experience(0).numClasses());
        assertEquals(5, nc.experience(8).numClasses());
        // 400 session-object units: 10 in the first experience, 390 dealt 1, 2 or 5 at a time (NICv2-391, -196, -79).
        assertEquals(391, core50.nic(1, 1).size());
        assertEquals(196, core50.nic(2, 1).size());
        assertEquals(79, core50.nic(5, 1).size());
    }

    @Test
    void standardCategoryCutsGiveTwoThenFourTimesTwo() throws IOException {
        Core50 core50 = fullLayout(true);
        assertEquals(10, core50.numClasses());
        Scenario nc = core50.nc(1);
        assertEquals(5, nc.size());
        assertEquals(2, nc.experience(4).numClasses());
        Scenario nic = core50.nic(5, 1);
        assertEquals(2, nic.experience(0).numClasses());
        assertEquals(79, nic.size());
    }
}
