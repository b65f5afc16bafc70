package coursekit.cl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coursekit.data.Datasets;
import coursekit.data.ImageSet;
import coursekit.data.SharedData;
import coursekit.data.Split;
import coursekit.data.TrainTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sessions cut from the lecture's real photos: six cats and six dogs of each part, copied into a temporary folder. */
class PhotoSessionsTest {

    @TempDir
    static Path dir;

    private static TrainTest photos;

    @BeforeAll
    static void copyPhotos() throws Exception {
        SharedData.copyLayout(dir, 6);
        Split split = Datasets.catsAndDogs(dir, 32);
        photos = new TrainTest(split.train(), split.test());
    }

    @Test
    void sessionsAreDisjointAndCoverEveryPhoto() {
        for (PhotoSessions.Statistic statistic : PhotoSessions.Statistic.values()) {
            Scenario s = PhotoSessions.split(photos, 3, statistic);
            assertEquals(3, s.size());
            for (boolean train : new boolean[] {true, false}) {
                Set<Path> seen = new HashSet<>();
                int total = 0;
                for (Experience e : s.stream()) {
                    List<Path> files = files(train ? e.train() : e.test());
                    total += files.size();
                    seen.addAll(files);
                }
                ImageSet all = train ? photos.train() : photos.test();
                assertEquals(all.size(), total, "no photo in two sessions");
                assertEquals(new HashSet<>(files(all)), seen, "every photo in a session");
            }
        }
    }

    @Test
    void everySessionHoldsBothClassesEqually() {
        Scenario s = PhotoSessions.split(photos, 3, PhotoSessions.Statistic.BRIGHTNESS);
        for (Experience e : s.stream()) {
            assertArrayEquals(new int[] {0, 1}, e.classes());
            assertArrayEquals(new int[] {2, 2}, e.train().classCounts(), e.toString());
            assertArrayEquals(new int[] {2, 2}, e.test().classCounts(), e.toString());
        }
        assertEquals(List.of("cats", "dogs"), s.classNames());
    }

    @Test
    void sessionsGoFromDarkToBrightWithinEachClass() {
        Scenario s = PhotoSessions.split(photos, 3, PhotoSessions.Statistic.BRIGHTNESS);
        for (int c = 0; c < 2; c++) {
            for (int k = 0; k + 1 < s.size(); k++) {
                double darkest = brightness(s.experience(k + 1).train(), c, false);
                double brightest = brightness(s.experience(k).train(), c, true);
                assertTrue(brightest <= darkest, "class " + c + ", session " + k + ": " + brightest + " > " + darkest);
            }
        }
        assertTrue(s.name().startsWith("Photo sessions by brightness (3 sessions of 2 classes, darkest first, brightness "), s.name());
    }

    @Test
    void theSamePhotosGiveTheSameSessions() {
        Scenario a = PhotoSessions.split(photos, 3, PhotoSessions.Statistic.COLOURFULNESS);
        Scenario b = PhotoSessions.split(photos, 3, PhotoSessions.Statistic.COLOURFULNESS);
        for (int k = 0; k < 3; k++) {
            assertEquals(files(a.experience(k).train()), files(b.experience(k).train()));
            assertEquals(files(a.experience(k).test()), files(b.experience(k).test()));
        }
        assertEquals(a.name(), b.name());
    }

    @Test
    void moreSessionsThanPhotosOfAClassIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PhotoSessions.split(photos, 7, PhotoSessions.Statistic.BRIGHTNESS));
        assertEquals("Every session needs each class, but the training part has 6 images of class 'cats' for sessions=7; use at "
                + "most 6 sessions or more images.", e.getMessage());
    }

    @Test
    void theStatisticsMeasureWhatTheySay() {
        byte[] grey = {(byte) 100, (byte) 100, (byte) 100, (byte) 200, (byte) 200, (byte) 200};
        assertEquals(150, PhotoSessions.Statistic.BRIGHTNESS.of(grey, 3), 1e-9);
        assertEquals(0, PhotoSessions.Statistic.COLOURFULNESS.of(grey, 3), 1e-9);
        byte[] red = {(byte) 255, 0, 0, (byte) 255, 0, 0};
        // rg = 255 and yb = 127.5 in every pixel: no spread, so 0.3 times the length of the mean.
        assertEquals(0.3 * Math.hypot(255, 127.5), PhotoSessions.Statistic.COLOURFULNESS.of(red, 3), 1e-9);
    }

    @Test
    void dealtSessionsAreDisjointCoverEveryPhotoAndTakeThemInTurn() {
        ImageSet train = photos.train();
        int[][] sessions = PhotoSessions.dealt(train, 4, "training");
        Set<Integer> seen = new HashSet<>();
        int total = 0;
        for (int[] session : sessions) {
            total += session.length;
            for (int i : session) {
                seen.add(i);
            }
        }
        assertEquals(train.size(), total, "no photo in two sessions");
        assertEquals(train.size(), seen.size(), "every photo in a session");
        // Six photos of each class dealt to four sessions: 2, 2, 1, 1 of each class, the first of a class in session 0.
        assertEquals(4, sessions[0].length);
        assertEquals(2, sessions[3].length);
        assertEquals(0, sessions[0][0]);
    }

    @Test
    void restyledSessionsSeeEveryPhotoOfTheirSessionWithTheirLook() {
        Scenario s = PhotoSessions.restyled(photos, Look.ORIGINAL, Look.DUSK, Look.GREY);
        assertEquals("Photo sessions by look (3 sessions of 2 classes, looks [original, dusk, grey])", s.name());
        for (Experience e : s.stream()) {
            assertArrayEquals(new int[] {2, 2}, e.train().classCounts(), e.toString());
            assertArrayEquals(new int[] {2, 2}, e.test().classCounts(), e.toString());
        }
        ImageSet original = photos.train().subset(PhotoSessions.dealt(photos.train(), 3, "training")[1]);
        ImageSet dusk = s.experience(1).train();
        for (int i = 0; i < dusk.size(); i++) {
            assertEquals(Math.round(0.3 * original.pixel(i, 5, 7, 1) + 8), dusk.pixel(i, 5, 7, 1));
            assertTrue(dusk.pixel(i, 9, 3, 2) <= 85);
        }
        ImageSet grey = s.experience(2).test();
        for (int i = 0; i < grey.size(); i++) {
            assertEquals(grey.pixel(i, 4, 4, 0), grey.pixel(i, 4, 4, 2));
        }
        String again = PhotoSessions.restyled(photos, Look.ORIGINAL, Look.DUSK, Look.GREY).experience(2).test().digest();
        assertEquals(s.experience(2).test().digest(), again);
    }

    @Test
    void blurSmoothsAndWarmTurnsTheBalanceToRed() {
        ImageSet original = photos.train().subset(0, 1, 2);
        ImageSet blurred = Look.BLUR.apply(original);
        ImageSet warm = Look.WARM.apply(original);
        for (int i = 0; i < original.size(); i++) {
            assertTrue(roughness(blurred, i) < roughness(original, i) / 2, "photo " + i);
            assertTrue(mean(warm, i, 0) - mean(warm, i, 2) > mean(original, i, 0) - mean(original, i, 2) + 20, "photo " + i);
        }
    }

    /** Mean absolute difference between horizontal neighbours, green channel. */
    private static double roughness(ImageSet set, int i) {
        double sum = 0;
        for (int row = 0; row < set.height(); row++) {
            for (int col = 1; col < set.width(); col++) {
                sum += Math.abs(set.pixel(i, row, col, 1) - set.pixel(i, row, col - 1, 1));
            }
        }
        return sum / (set.height() * (set.width() - 1));
    }

    private static double mean(ImageSet set, int i, int channel) {
        double sum = 0;
        for (int row = 0; row < set.height(); row++) {
            for (int col = 0; col < set.width(); col++) {
                sum += set.pixel(i, row, col, channel);
            }
        }
        return sum / (set.height() * set.width());
    }

    private static double brightness(ImageSet set, int label, boolean max) {
        double best = max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        for (int i = 0; i < set.size(); i++) {
            if (set.label(i) == label) {
                double v = PhotoSessions.Statistic.BRIGHTNESS.of(set, i);
                best = max ? Math.max(best, v) : Math.min(best, v);
            }
        }
        return best;
    }

    private static List<Path> files(ImageSet set) {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) {
            files.add(set.file(i).orElseThrow());
        }
        return files;
    }
}
