package coursekit.cl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Icifar100Test {

    @TempDir
    Path dir;

    private Path cifar100(int trainPerClass, int testPerClass) throws IOException {
        return Cifar100Binary.write(dir, trainPerClass, testPerClass);
    }

    @Test
    void tenByTenProtocolGivesTenClassesPerExperience() throws IOException {
        Scenario s = Scenarios.icifar100(cifar100(2, 1), 10, 1993);
        assertEquals("iCIFAR-100 (10 x 10 classes, seed 1993)", s.name());
        assertEquals(100, s.numClasses());
        assertArrayEquals(new long[] {3, 32, 32}, s.imageShape());
        for (Experience e : s.stream()) {
            assertEquals(10, e.numClasses());
            assertEquals(20, e.train().size());
            assertEquals(10, e.test().size());
            for (int i = 0; i < e.train().size(); i++) {
                int label = e.train().label(i);
                assertTrue(label >= 10 * e.index() && label < 10 * (e.index() + 1));
                assertEquals(s.classOrder()[label], e.train().pixel(i, 31, 31, 2), "original fine label");
                assertEquals("fine" + s.classOrder()[label], s.classNames().get(label));
            }
        }
    }

    @Test
    void twentyByFiveIsAlsoAProtocol() throws IOException {
        Scenario s = Scenarios.icifar100(cifar100(1, 1), 20, 1993);
        assertEquals(20, s.size());
        assertEquals(5, s.experience(19).numClasses());
    }

    @Test
    void sevenExperiencesDoNotDivideAHundredClasses() throws IOException {
        Path folder = cifar100(1, 1);
        var e = assertThrows(IllegalArgumentException.class, () -> Scenarios.icifar100(folder, 7, 1));
        assertTrue(e.getMessage().contains("experiences=7"), e.getMessage());
    }
}
