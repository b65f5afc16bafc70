package coursekit.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * A small CORe50 folder for tests, written as CORe50 names its files, and the object and session each image was
 * written with.
 */
public final class Core50Fixture {

    /** Two categories (plug adapters o1, o2; mobile phones o6, o7), three training sessions and test session 3. */
    public static final int[] OBJECTS = {1, 2, 6, 7};
    public static final int[] SESSIONS = {1, 2, 3, 4};
    public static final int FRAMES = 4;

    private Core50Fixture() {}

    /** {@link #write(Path, int[], int[], int)} with {@link #OBJECTS}, {@link #SESSIONS} and {@link #FRAMES}. */
    public static Path write(Path dir) throws IOException {
        return write(dir, OBJECTS, SESSIONS, FRAMES);
    }

    /**
     * Writes {@code dir/core50/core50_128x128/sS/oO/C_SS_OO_FFF.png} as CORe50 names them: 8x8 frames whose red channel
     * is 10 times the object, green 10 times the session and blue the frame, so every image tells where it came from.
     * Returns {@code dir/core50}.
     */
    public static Path write(Path dir, int[] objects, int[] sessions, int frames) throws IOException {
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

    /** The object image {@code i} of {@code set} was written for. */
    public static int object(ImageSet set, int i) {
        return set.pixel(i, 0, 0, 0) / 10;
    }

    /** The session image {@code i} of {@code set} was written for. */
    public static int session(ImageSet set, int i) {
        return set.pixel(i, 0, 0, 1) / 10;
    }
}
