package coursekit.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FigureTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path dir;

    private static BufferedImage decode(byte[] png) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    @Test
    void testsRunHeadless() {
        // Every rendering test below proves headless rendering only if the JVM really is headless.
        assertTrue(GraphicsEnvironment.isHeadless());
    }

    @Test
    void chartPngStartsWithThePngSignature() {
        byte[] png = Plots.history(Fixtures.fullHistory()).toPng();

        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(png, PNG_SIGNATURE.length));
    }

    @Test
    void chartPngDecodesToTheFigureSize() throws IOException {
        Figure figure = Plots.history(Fixtures.fullHistory());
        BufferedImage image = decode(figure.toPng());

        assertEquals(figure.width(), image.getWidth());
        assertEquals(figure.height(), image.getHeight());
    }

    @Test
    void imageGridPngDecodesToTheFigureSize() throws IOException {
        Figure figure = Plots.images(Fixtures.solidGray(10, 28), 10);
        BufferedImage image = decode(figure.toPng());

        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(figure.toPng(), PNG_SIGNATURE.length));
        assertEquals(figure.width(), image.getWidth());
        assertEquals(figure.height(), image.getHeight());
    }

    @Test
    void chartsAreLaidOutSideBySide() {
        Figure figure = Plots.history(Fixtures.fullHistory());

        assertEquals(1, figure.rows());
        assertEquals(2, figure.columns());
        assertEquals(figure.charts().get(0).getWidth() + figure.charts().get(1).getWidth(), figure.width());
    }

    @Test
    void saveWritesADecodablePngAndLeavesNoTemporaryFile() throws IOException {
        Figure figure = Plots.history(Fixtures.fullHistory());
        Path file = dir.resolve("plots/history.png");

        figure.save(file);

        assertEquals(figure.width(), ImageIO.read(file.toFile()).getWidth());
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void saveReplacesAnExistingFile() throws IOException {
        Path file = dir.resolve("grid.PNG");
        Files.writeString(file, "old content");

        Plots.images(Fixtures.solidRgb(4, 32), 4).save(file);

        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(Files.readAllBytes(file), PNG_SIGNATURE.length));
    }

    @Test
    void saveRejectsANonPngPathNamingIt() {
        Path file = dir.resolve("history.jpg");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plots.history(Fixtures.fullHistory()).save(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains(".png"), e.getMessage());
        assertTrue(Files.notExists(file));
    }

    @Test
    void figureOfChartsRejectsNoCharts() {
        assertThrows(IllegalArgumentException.class, () -> Figure.of("nothing", List.of()));
    }
}
