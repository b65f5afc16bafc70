package coursekit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Photo folders with the kinds of bad or unusual files that real downloads hold, each read or refused by name. */
final class PhotoInputTest {

    @TempDir
    Path root;

    @Test
    void aFileThatIsNoImageIsRefusedByName() throws IOException {
        SharedData.copyLayout(root, 2);
        Files.writeString(root.resolve("train/cats/notes.txt"), "not a photo");
        assertRefusedNaming("notes.txt", () -> Datasets.catsAndDogs(root, 64));
    }

    @Test
    void textUnderAJpegNameIsRefusedByNameBeforeTraining() throws IOException {
        SharedData.copyLayout(root, 2);
        Files.writeString(root.resolve("validation/dogs/dog.fake.jpg"), "<html>404 Not Found</html>");
        assertRefusedNaming("dog.fake.jpg", () -> Datasets.catsAndDogs(root, 64));
    }

    @Test
    void anEmptyJpegIsRefusedByName() throws IOException {
        SharedData.copyLayout(root, 2);
        Files.write(root.resolve("test/cats/cat.empty.jpg"), new byte[0]);
        assertRefusedNaming("cat.empty.jpg", () -> Datasets.catsAndDogs(root, 64));
    }

    @Test
    void aTruncatedJpegIsRefusedByNameWhenItIsDecoded() throws IOException {
        SharedData.copyLayout(root, 1);
        Path photo = SharedData.photos("train", "dogs", 1).get(0);
        byte[] bytes = Files.readAllBytes(photo);
        Files.write(root.resolve("train/dogs/dog.cut.jpg"), java.util.Arrays.copyOf(bytes, bytes.length * 2 / 5));
        ImageSet train = Datasets.catsAndDogs(root, 64).train();
        int cut = train.file(1).orElseThrow().getFileName().toString().equals("dog.cut.jpg") ? 1 : 2;
        assertRefusedNaming("dog.cut.jpg", () -> train.copyImage(cut, new byte[train.imageBytes()], 0));
        assertRefusedNaming("dog.cut.jpg", () -> ImageFolder.load(root.resolve("train"), 64, 64));
    }

    @Test
    void anEmptyClassFolderIsRefusedByName() throws IOException {
        SharedData.copyLayout(root, 2);
        for (Path photo : SharedData.photos("validation", "cats", 2)) {
            Files.delete(root.resolve("validation/cats").resolve(photo.getFileName()));
        }
        assertRefusedNaming("validation/cats", () -> Datasets.catsAndDogs(root, 64));
    }

    @Test
    void aThirdClassFolderIsRefusedByName() throws IOException {
        SharedData.copyLayout(root, 2);
        Path birds = Files.createDirectories(root.resolve("train/birds"));
        Files.copy(SharedData.photos("train", "cats", 1).get(0), birds.resolve("bird.1.jpg"));
        assertRefusedNaming("train/birds", () -> Datasets.catsAndDogs(root, 64));
    }

    @Test
    void aMissingPartIsRefusedByName() throws IOException {
        SharedData.copyLayout(root, 1);
        Files.walk(root.resolve("test")).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        assertRefusedNaming("test/", () -> Datasets.catsAndDogs(root, 64));
    }

    @Test
    void aPngOfAPhotoWithAlphaReadsAsTheSameRgb() throws IOException {
        Path jpeg = SharedData.photos("train", "cats", 1).get(0);
        BufferedImage photo = ImageIO.read(jpeg.toFile());
        BufferedImage withAlpha = new BufferedImage(photo.getWidth(), photo.getHeight(), BufferedImage.TYPE_INT_ARGB);
        withAlpha.createGraphics().drawImage(photo, 0, 0, null);
        Path png = root.resolve("cat.png");
        assertTrue(ImageIO.write(withAlpha, "png", png.toFile()));
        assertArrayEquals(ImageFolder.decode(jpeg, 150, 150), ImageFolder.decode(png, 150, 150));
    }

    @Test
    void colourPhotosReadAsTheColourModelConvertsThem() throws IOException {
        List<Path> files = new ArrayList<>(SharedData.photos("validation", "dogs", 3));
        Path png = root.resolve("dog.png");
        assertTrue(ImageIO.write(ImageIO.read(files.get(0).toFile()), "png", png.toFile()));
        files.add(png);
        for (Path jpeg : files) {
            BufferedImage photo = ImageIO.read(jpeg.toFile());
            int w = photo.getWidth();
            int h = photo.getHeight();
            int[] argb = photo.getRGB(0, 0, w, h, null, 0, w);
            byte[] rgb = new byte[3 * w * h];
            for (int p = 0; p < argb.length; p++) {
                rgb[3 * p] = (byte) (argb[p] >> 16);
                rgb[3 * p + 1] = (byte) (argb[p] >> 8);
                rgb[3 * p + 2] = (byte) argb[p];
            }
            assertArrayEquals(rgb, ImageFolder.decode(jpeg, h, w), jpeg.getFileName().toString());
            assertArrayEquals(Resize.bilinear(rgb, 1, h, w, 3, 150, 150), ImageFolder.decode(jpeg, 150, 150));
        }
    }

    @Test
    void aGrayscaleJpegReadsAsThreeEqualChannels() throws IOException {
        BufferedImage photo = ImageIO.read(SharedData.photos("train", "dogs", 1).get(0).toFile());
        BufferedImage gray = new BufferedImage(photo.getWidth(), photo.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        gray.createGraphics().drawImage(photo, 0, 0, null);
        Path file = root.resolve("gray.jpg");
        assertTrue(ImageIO.write(gray, "jpg", file.toFile()));
        byte[] rgb = ImageFolder.decode(file, 150, 150);
        boolean varied = false;
        for (int p = 0; p < rgb.length; p += 3) {
            assertEquals(rgb[p], rgb[p + 1]);
            assertEquals(rgb[p], rgb[p + 2]);
            varied |= rgb[p] != rgb[0];
        }
        assertTrue(varied, "a photo is not one flat grey");
    }

    @Test
    void aCmykJpegIsConvertedAsPillowConvertsIt() throws IOException {
        Path plain = writeCmyk("plain.jpg", 200, 30, 30, 10, false);
        assertRgbNear(plain, 55 * 245 / 255, 225 * 245 / 255, 225 * 245 / 255);
    }

    @Test
    void anAdobeCmykJpegHasItsInvertedInksConverted() throws IOException {
        // Photoshop stores 255 - ink; these samples are the inks (55, 225, 225, 245) stored inverted.
        Path adobe = writeCmyk("adobe.jpg", 200, 30, 30, 10, true);
        assertRgbNear(adobe, 200 * 10 / 255, 30 * 10 / 255, 30 * 10 / 255);
    }

    @Test
    void aCmykPhotoInAClassFolderIsRead() throws IOException {
        SharedData.copyLayout(root, 1);
        Files.move(writeCmyk("cmyk.jpg", 0, 0, 0, 0, false), root.resolve("train/cats/cat.cmyk.jpg"));
        ImageSet train = Datasets.catsAndDogs(root, 8).train();
        int index = train.file(0).orElseThrow().getFileName().toString().equals("cat.cmyk.jpg") ? 0 : 1;
        assertEquals(255, train.pixel(index, 4, 4, 0), 3, "no ink is white");
        assertFalse(train.isInMemory());
    }

    /** A flat 40x30 four-channel JPEG with these samples, with or without Photoshop's Adobe marker. */
    private Path writeCmyk(String name, int c, int m, int y, int k, boolean adobe) throws IOException {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 40, 30, 4, null);
        for (int row = 0; row < 30; row++) {
            for (int col = 0; col < 40; col++) {
                raster.setPixel(col, row, new int[] {c, m, y, k});
            }
        }
        Path file = root.resolve(name);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(raster, null, null), null);
        } finally {
            writer.dispose();
        }
        if (adobe) {
            byte[] bytes = Files.readAllBytes(file);
            byte[] marker = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};
            byte[] out = new byte[bytes.length + marker.length];
            System.arraycopy(bytes, 0, out, 0, 2);
            System.arraycopy(marker, 0, out, 2, marker.length);
            System.arraycopy(bytes, 2, out, 2 + marker.length, bytes.length - 2);
            Files.write(file, out);
        }
        return file;
    }

    private static void assertRgbNear(Path file, int r, int g, int b) {
        byte[] rgb = ImageFolder.decode(file, 30, 40);
        int centre = 3 * (15 * 40 + 20);
        assertEquals(r, rgb[centre] & 0xff, 3, "red of " + file.getFileName());
        assertEquals(g, rgb[centre + 1] & 0xff, 3, "green of " + file.getFileName());
        assertEquals(b, rgb[centre + 2] & 0xff, 3, "blue of " + file.getFileName());
    }

    private static void assertRefusedNaming(String name, org.junit.jupiter.api.function.Executable action) {
        DatasetException e = assertThrows(DatasetException.class, action);
        assertTrue(e.getMessage().contains(name), "the message names " + name + ": " + e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "one sentence: " + e.getMessage());
    }
}
