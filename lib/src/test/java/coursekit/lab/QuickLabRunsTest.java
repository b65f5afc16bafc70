package coursekit.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coursekit.train.History;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The labs end to end in quick mode (two epochs, 32 training images), on random weights so that
 * they run without the weights directory: each writes its files.
 */
class QuickLabRunsTest {

    private static String previousQuick;

    @BeforeAll
    static void quickMode() {
        previousQuick = System.setProperty("coursekit.quick", "true");
    }

    @AfterAll
    static void restore() {
        if (previousQuick == null) {
            System.clearProperty("coursekit.quick");
        } else {
            System.setProperty("coursekit.quick", previousQuick);
        }
    }

    @Test
    void icarlLabWritesOneRunPerStrategyAndTheComparison(@TempDir Path out) throws Exception {
        ContinualLab.icarl(new String[] {"--epochs", "1", "--out", out.toString()});
        List<String> runs = Files.readAllLines(out.resolve("runs.csv"));
        assertEquals(5, runs.size(), runs.toString());
        assertTrue(runs.get(3).startsWith("iCaRL herding (200),42,"), runs.get(3));
        // 4 strategies x 5 x 5 entries of R, and a header.
        assertEquals(101, Files.readAllLines(out.resolve("matrices.csv")).size());
        for (String png : new String[] {"accuracy.png", "R-naive.png", "R-lwf.png", "R-icarl-herding-200.png", "R-icarl-random-200.png"}) {
            assertTrue(Files.size(out.resolve(png)) > 1000, png);
        }
        String comparison = Files.readString(out.resolve("comparison.md"));
        assertTrue(comparison.contains("| LwF | 1 |") && comparison.contains("| iCaRL random (200) | 1 |"), comparison);
    }

    @Test
    void icifar100RunsItsProtocolOnABinaryFileInTheRealFormat(@TempDir Path dir) throws Exception {
        Path data = coursekit.cl.Cifar100Binary.write(dir, 1, 1);
        Path out = dir.resolve("out");
        ContinualLab.icarl(new String[] {"--dataset", "cifar100", "--data", data.toString(), "--strategy", "icarl-herding",
                "--memory", "100", "--epochs", "1", "--batch-size", "10", "--out", out.toString()});
        List<String> runs = Files.readAllLines(out.resolve("runs.csv"));
        assertEquals(2, runs.size(), runs.toString());
        assertTrue(runs.get(1).startsWith("iCaRL herding (100),42,"), runs.get(1));
        // 10 x 10 entries of R (ten experiences of ten classes), and a header.
        assertEquals(101, Files.readAllLines(out.resolve("matrices.csv")).size());
    }

    @Test
    void multiTaskNcRunsTheStandInWithAHeadPerTask(@TempDir Path out) throws Exception {
        ContinualLab.lwf(new String[] {"--scenario", "multi-task-nc", "--epochs", "1", "--out", out.toString()});
        List<String> runs = Files.readAllLines(out.resolve("runs.csv"));
        assertEquals(3, runs.size(), runs.toString());
        assertTrue(runs.get(1).startsWith("Naive,42,") && runs.get(2).startsWith("LwF,42,"), runs.toString());
        // 2 strategies x 9 x 9 entries of R (ten classes, then eight tasks of five), and a header.
        assertEquals(163, Files.readAllLines(out.resolve("matrices.csv")).size());
    }

    @Test
    void multiTaskNcRunsOnACore50FolderInTheRealLayout(@TempDir Path dir) throws Exception {
        int[] objects = java.util.stream.IntStream.rangeClosed(1, 50).toArray();
        Path core50 = coursekit.data.Core50Fixture.write(dir, objects, new int[] {1, 2, 3, 4, 5, 6, 8, 9, 11}, 1);
        Path out = dir.resolve("out");
        ContinualLab.lwf(new String[] {"--scenario", "multi-task-nc", "--data", core50.toString(), "--strategy", "naive",
                "--epochs", "1", "--out", out.toString()});
        List<String> runs = Files.readAllLines(out.resolve("runs.csv"));
        assertEquals(2, runs.size(), runs.toString());
        assertEquals(82, Files.readAllLines(out.resolve("matrices.csv")).size());
    }

    @Test
    void fineTuningJoinsBothPhasesIntoOneHistory(@TempDir Path out) throws Exception {
        FineTuningLab.run(new String[] {"--data", "embedded", "--weights", "none", "--size", "32", "--out", out.toString()});
        History history = History.readCsv(out.resolve("history.csv"));
        assertEquals(4, history.epochs());
        assertNonEmpty(out, "curves.png", "classifier.params");
        List<String> results = Files.readAllLines(out.resolve("results.csv"));
        assertEquals(3, results.size(), results.toString());
        assertTrue(results.get(1).startsWith("fine-tuning,feature extraction (phase 1),mobilenet,32,2,42,"), results.get(1));
        assertTrue(results.get(2).startsWith("fine-tuning,fine-tuning,mobilenet,32,4,42,"), results.get(2));
    }

    @Test
    void featureExtractionWritesBothWaysAndReadsItsFeaturesBackTheSecondTime(@TempDir Path out) throws Exception {
        String[] args = {"--data", "embedded", "--weights", "none", "--size", "32", "--out", out.toString()};
        FeatureExtractionLab.run(args);
        assertNonEmpty(out, "fast/history.csv", "fast/curves.png", "fast/head.params", "augmented/history.csv",
                "augmented/curves.png", "augmented/classifier.params", "val_accuracy.png", "results.csv");
        assertEquals(3, count(out.resolve("features")));
        Files.delete(out.resolve("results.csv"));
        FeatureExtractionLab.run(new String[] {"--data", "embedded", "--weights", "none", "--size", "32", "--out", out.toString(), "--mode", "fast"});
        assertEquals(3, count(out.resolve("features")));
        assertEquals(2, Files.readAllLines(out.resolve("results.csv")).size());
    }

    @Test
    void augmentationDrawsItsGalleryAndComparesWithAScratchRun(@TempDir Path out) throws Exception {
        Path scratch = out.resolve("scratch");
        ScratchCnnLab.run(new String[] {"--out", scratch.toString()});
        Path augmented = out.resolve("augmented");
        AugmentationLab.run(new String[] {"--out", augmented.toString(), "--baseline", scratch.resolve("history.csv").toString()});
        assertNonEmpty(augmented, "augmentations.png", "history.csv", "curves.png", "lecture_cnn.params", "comparison.png");
    }

    @Test
    void theLecturesSettingRunsOnAFolderOfImagesWithVgg16(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("cats_and_dogs_small");
        Random random = new Random(3);
        for (String part : new String[] {"train", "validation", "test"}) {
            for (String kind : new String[] {"cats", "dogs"}) {
                Path folder = Files.createDirectories(data.resolve(part).resolve(kind));
                for (int i = 0; i < 3; i++) {
                    BufferedImage image = new BufferedImage(40, 36, BufferedImage.TYPE_INT_RGB);
                    for (int y = 0; y < image.getHeight(); y++) {
                        for (int x = 0; x < image.getWidth(); x++) {
                            image.setRGB(x, y, random.nextInt(1 << 24));
                        }
                    }
                    ImageIO.write(image, "png", folder.resolve(kind + "." + i + ".png").toFile());
                }
            }
        }
        Path out = dir.resolve("out");
        FeatureExtractionLab.run(new String[] {"--data", data.toString(), "--backbone", "vgg16", "--weights", "none", "--size", "32",
            "--mode", "fast", "--out", out.toString()});
        List<String> results = Files.readAllLines(out.resolve("results.csv"));
        assertTrue(results.get(1).startsWith("feature-extraction,fast feature extraction,vgg16,32,2,42,"), results.get(1));
        assertNonEmpty(out, "fast/history.csv", "fast/curves.png", "fast/head.params");
    }

    private static void assertNonEmpty(Path dir, String... files) throws Exception {
        for (String file : files) {
            Path path = dir.resolve(file);
            assertTrue(Files.isRegularFile(path) && Files.size(path) > 0, path + " is missing or empty");
        }
    }

    private static long count(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }
}
