package coursekit.data;

import static coursekit.data.IdxTest.allPixels;
import static coursekit.data.IdxTest.assertMessageNames;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ImageFolderTest {

    @TempDir
    Path root;

    @Test
    void classNamesAreTheSortedFolderNamesWithTheirCounts() throws IOException {
        writeSolid("dog/1.png", "png", Color.RED);
        writeSolid("dog/2.png", "png", Color.RED);
        writeSolid("cat/1.jpg", "jpg", Color.BLUE);
        writeSolid("cat/2.jpeg", "jpg", Color.BLUE);
        writeSolid("cat/3.jpg", "jpg", Color.BLUE);
        ImageSet set = ImageFolder.load(root, 8, 12);
        assertEquals(List.of("cat", "dog"), set.classNames());
        assertArrayEquals(new int[] {3, 2}, set.classCounts());
        assertArrayEquals(new int[] {0, 0, 0, 1, 1}, set.labels());
    }

    @Test
    void imagesAreResizedToTheTargetSize() throws IOException {
        writeSolid("a/1.png", "png", Color.RED);
        ImageSet set = ImageFolder.load(root, 8, 12);
        assertEquals(8, set.height());
        assertEquals(12, set.width());
        assertEquals(3, set.channels());
    }

    @Test
    void solidColourPngKeepsItsExactColour() throws IOException {
        writeSolid("a/solid.png", "png", new Color(200, 100, 50));
        ImageSet set = ImageFolder.load(root, 7, 5);
        for (int[] p : new int[][] {{0, 0}, {3, 2}, {6, 4}}) {
            assertEquals(200, set.pixel(0, p[0], p[1], 0));
            assertEquals(100, set.pixel(0, p[0], p[1], 1));
            assertEquals(50, set.pixel(0, p[0], p[1], 2));
        }
    }

    @Test
    void jpegIsDecodedCloseToItsColour() throws IOException {
        writeSolid("a/solid.jpg", "jpg", new Color(30, 160, 220));
        ImageSet set = ImageFolder.load(root, 16, 16);
        assertEquals(30, set.pixel(0, 8, 8, 0), 8);
        assertEquals(160, set.pixel(0, 8, 8, 1), 8);
        assertEquals(220, set.pixel(0, 8, 8, 2), 8);
    }

    @Test
    void grayscalePngBecomesThreeEqualChannelsWithItsStoredLevel() throws IOException {
        BufferedImage gray = new BufferedImage(6, 6, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 6; y++) {
            for (int x = 0; x < 6; x++) {
                gray.getRaster().setSample(x, y, 0, 128);
            }
        }
        write("a/gray.png", "png", gray);
        ImageSet set = ImageFolder.load(root, 6, 6);
        assertEquals(3, set.channels());
        for (int channel = 0; channel < 3; channel++) {
            assertEquals(128, set.pixel(0, 2, 3, channel));
        }
    }

    @Test
    void alphaChannelIsDropped() throws IOException {
        BufferedImage argb = new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                argb.setRGB(x, y, 0x80_0A_14_1E);
            }
        }
        write("a/alpha.png", "png", argb);
        ImageSet set = ImageFolder.load(root, 4, 4);
        assertEquals(10, set.pixel(0, 1, 1, 0));
        assertEquals(20, set.pixel(0, 1, 1, 1));
        assertEquals(30, set.pixel(0, 1, 1, 2));
    }

    @Test
    void imagesComeInFileNameOrder() throws IOException {
        writeSolid("a/b.png", "png", Color.RED);
        writeSolid("a/c.png", "png", Color.GREEN);
        writeSolid("a/a.png", "png", Color.BLUE);
        ImageSet set = ImageFolder.load(root, 4, 4);
        assertEquals(255, set.pixel(0, 0, 0, 2), "a.png first");
        assertEquals(255, set.pixel(1, 0, 0, 0), "b.png second");
        assertEquals(255, set.pixel(2, 0, 0, 1), "c.png third");
    }

    @Test
    void parallelDecodingGivesTheSamePixelsEveryTime() throws IOException {
        for (int i = 0; i < 24; i++) {
            writeSolid((i % 2 == 0 ? "x/" : "y/") + i + ".png", "png", new Color(i * 10, 255 - i * 10, i));
        }
        byte[] first = allPixels(ImageFolder.load(root, 5, 5));
        byte[] second = allPixels(ImageFolder.load(root, 5, 5));
        assertArrayEquals(first, second);
    }

    @Test
    void extensionsAreCaseInsensitive() throws IOException {
        writeSolid("a/ONE.PNG", "png", Color.RED);
        writeSolid("a/two.JpG", "jpg", Color.RED);
        writeSolid("a/three.Bmp", "bmp", Color.RED);
        writeSolid("a/four.GIF", "gif", Color.RED);
        assertEquals(4, ImageFolder.load(root, 4, 4).size());
    }

    @Test
    void hiddenFilesAndFoldersAreIgnored() throws IOException {
        writeSolid("a/1.png", "png", Color.RED);
        Files.writeString(root.resolve("a/.DS_Store"), "not an image");
        Files.createDirectories(root.resolve(".ipynb_checkpoints"));
        Files.writeString(root.resolve(".ipynb_checkpoints/notes.txt"), "not an image");
        ImageSet set = ImageFolder.load(root, 4, 4);
        assertEquals(List.of("a"), set.classNames());
        assertEquals(1, set.size());
    }

    @Test
    void emptyClassFolderIsNamed() throws IOException {
        writeSolid("cat/1.png", "png", Color.RED);
        Files.createDirectories(root.resolve("dog"));
        DatasetException e = assertThrows(DatasetException.class, () -> ImageFolder.load(root, 4, 4));
        assertMessageNames(e, "dog");
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void pngOfGarbageBytesIsNamed() throws IOException {
        writeSolid("a/1.png", "png", Color.RED);
        Files.write(root.resolve("a/garbage.png"), "these bytes are no image".getBytes());
        DatasetException e = assertThrows(DatasetException.class, () -> ImageFolder.load(root, 4, 4));
        assertMessageNames(e, "garbage.png");
    }

    @Test
    void truncatedPngIsNamed() throws IOException {
        Path whole = writeNoise("a/whole.png", "png");
        byte[] bytes = Files.readAllBytes(whole);
        Files.write(root.resolve("a/cut.png"), Arrays.copyOf(bytes, bytes.length / 2));
        DatasetException e = assertThrows(DatasetException.class, () -> ImageFolder.load(root, 4, 4));
        assertMessageNames(e, "cut.png");
    }

    @Test
    void truncatedJpegIsNamed() throws IOException {
        Path whole = writeNoise("a/whole.jpg", "jpg");
        byte[] bytes = Files.readAllBytes(whole);
        Files.write(root.resolve("a/cut.jpg"), Arrays.copyOf(bytes, bytes.length - 100));
        DatasetException e = assertThrows(DatasetException.class, () -> ImageFolder.load(root, 4, 4));
        assertMessageNames(e, "cut.jpg");
    }

    @Test
    void strayNonImageFileIsNamedWithTheFix() throws IOException {
        writeSolid("a/1.png", "png", Color.RED);
        Files.writeString(root.resolve("a/labels.csv"), "1,cat");
        DatasetException e = assertThrows(DatasetException.class, () -> ImageFolder.load(root, 4, 4));
        assertMessageNames(e, "labels.csv");
        assertTrue(e.getMessage().contains("remove it"), e.getMessage());
    }

    @Test
    void fileBesideTheClassFoldersIsNamed() throws IOException {
        writeSolid("a/1.png", "png", Color.RED);
        Files.writeString(root.resolve("README.txt"), "about");
        DatasetException e = assertThrows(DatasetException.class, () -> ImageFolder.load(root, 4, 4));
        assertMessageNames(e, "README.txt");
    }

    @Test
    void missingRootIsNamed() {
        Path missing = root.resolve("no-such-folder");
        DatasetException e = assertThrows(DatasetException.class, () -> ImageFolder.load(missing, 4, 4));
        assertMessageNames(e, "no-such-folder");
    }

    @Test
    void rootWithoutClassFoldersIsReported() {
        DatasetException e = assertThrows(DatasetException.class, () -> ImageFolder.load(root, 4, 4));
        assertMessageNames(e, root.toString());
        assertTrue(e.getMessage().contains("no class folders"), e.getMessage());
    }

    @Test
    void imagesInFoldersBelowAClassFolderBelongToThatClass() throws IOException {
        writeSolid("a/2.png", "png", Color.RED);
        writeSolid("a/sub/1.png", "png", Color.BLUE);
        ImageSet set = ImageFolder.load(root, 4, 4);
        assertEquals(2, set.size());
        assertEquals(255, set.pixel(0, 0, 0, 0), "a folder's own files come before its sub-folders'");
        assertEquals(255, set.pixel(1, 0, 0, 2));
    }

    private void writeSolid(String relative, String format, Color colour) throws IOException {
        BufferedImage image = new BufferedImage(20, 16, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, 20, 16);
        g.dispose();
        write(relative, format, image);
    }

    /** Random pixels compress badly, so cutting the file surely cuts the pixel data. */
    private Path writeNoise(String relative, String format) throws IOException {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(3);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return write(relative, format, image);
    }

    private Path write(String relative, String format, BufferedImage image) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        if (!ImageIO.write(image, format, file.toFile())) {
            throw new IOException("no ImageIO writer for " + format);
        }
        return file;
    }
}
