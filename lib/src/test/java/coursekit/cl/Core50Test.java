package coursekit.cl;

import static coursekit.data.Core50Fixture.FRAMES;
import static coursekit.data.Core50Fixture.OBJECTS;
import static coursekit.data.Core50Fixture.object;
import static coursekit.data.Core50Fixture.session;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coursekit.data.Core50Fixture;
import coursekit.data.DatasetException;
import coursekit.data.ImageSet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Core50Test {

    @TempDir
    Path dir;

    private Path fixture() throws IOException {
        return Core50Fixture.write(dir);
    }

    private Core50 load(boolean categories) throws IOException {
        return Core50.builder().folder(fixture()).imageSize(8, 8).categories(categories).build();
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
        Path root = Core50Fixture.write(dir, objects, new int[] {1, 2, 3, 4, 5, 6, 8, 9, 11}, 1);
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

    @Test
    void multiTaskNcOnTheFullLayoutIsTenObjectsThenEightTimesFiveEachItsOwnTask() throws IOException {
        Scenario mt = fullLayout(false).multiTaskNc(4);
        assertTrue(mt.taskIncremental());
        assertTrue(mt.name().startsWith("CORe50 Multi-Task-NC, objects (classes [10, 5, 5, 5, 5, 5, 5, 5, 5], seed 4"), mt.name());
        assertEquals(9, mt.size());
        Set<Integer> objects = new HashSet<>();
        int offset = 0;
        for (Experience e : mt.stream()) {
            int size = e.index() == 0 ? 10 : 5;
            assertEquals(e.index(), e.taskLabel());
            assertArrayEquals(java.util.stream.IntStream.range(0, size).toArray(), e.classes());
            assertEquals(8 * size, e.train().size(), "one frame of each object in each of the 8 training sessions");
            assertEquals(size, e.test().size(), "one frame of each object in test session 3");
            for (ImageSet set : new ImageSet[] {e.train(), e.test()}) {
                for (int i = 0; i < set.size(); i++) {
                    // Objects o1..o50 are labels 0..49 here, and classOrder maps the task's label back to that. The
                    // fixture's red channel is 10 times the object, modulo 256 beyond o25 (still one value per object).
                    int o = mt.classOrder()[offset + set.label(i)] + 1;
                    assertEquals((10 * o) & 0xff, set.pixel(i, 0, 0, 0));
                    objects.add(o);
                }
            }
            offset += size;
        }
        assertEquals(50, objects.size());
    }

    @Test
    void multiTaskNcOnAPartialFolderNeedsACutOfItsOwn() throws IOException {
        Core50 core50 = load(false);
        var e = assertThrows(IllegalArgumentException.class, () -> core50.multiTaskNc(1));
        assertTrue(e.getMessage().contains("all 50 objects") && e.getMessage().contains("use multiTaskNc(firstClasses"), e.getMessage());
        Scenario mt = core50.multiTaskNc(2, 1, 5);
        assertEquals(List.of(2, 1, 1), mt.stream().stream().map(Experience::numClasses).toList());
        assertEquals(List.of(0, 1, 2), mt.stream().stream().map(Experience::taskLabel).toList());
    }
}
