package coursekit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class PetImagesTest {

    @TempDir
    Path temp;

    /** PetImages' layout with 13 photos a class, numbered 0-12, some of them broken as in Microsoft's archive. */
    private Path archive() throws IOException {
        List<Path> cats = SharedData.photos("train", "cats", 13);
        List<Path> dogs = SharedData.photos("train", "dogs", 13);
        Path zip = temp.resolve("kagglecatsanddogs.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            // Written out of numeric order, as 10 sorts before 2 by name.
            for (int n : new int[] {10, 11, 12, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9}) {
                byte[] cat = Files.readAllBytes(cats.get(n));
                put(out, "PetImages/Cat/" + n + ".jpg", n == 1 ? new byte[0] : n == 3 ? "not a photo".getBytes() : cat);
                byte[] dog = Files.readAllBytes(dogs.get(n));
                put(out, "PetImages/Dog/" + n + ".jpg", n == 2 ? Arrays.copyOf(dog, dog.length / 3) : dog);
            }
            put(out, "PetImages/Cat/Thumbs.db", "thumbnails".getBytes());
        }
        return zip;
    }

    private static void put(ZipOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(bytes);
        out.closeEntry();
    }

    @Test
    void theFirstReadablePhotosInNumericOrderFillTrainValidationAndTest() throws IOException {
        Path dest = temp.resolve("cats_and_dogs_small");
        List<String> report = new ArrayList<>();
        PetImages.build(archive(), dest, report::add, 5, 2, 2);
        assertEquals(List.of("cat.0.jpg", "cat.2.jpg", "cat.4.jpg", "cat.5.jpg", "cat.6.jpg"), names(dest.resolve("train/cats")));
        assertEquals(List.of("cat.7.jpg", "cat.8.jpg"), names(dest.resolve("validation/cats")));
        assertEquals(List.of("cat.10.jpg", "cat.9.jpg"), names(dest.resolve("test/cats")));
        assertEquals(List.of("dog.0.jpg", "dog.1.jpg", "dog.3.jpg", "dog.4.jpg", "dog.5.jpg"), names(dest.resolve("train/dogs")));
        assertEquals(List.of("dog.8.jpg", "dog.9.jpg"), names(dest.resolve("test/dogs")));
        assertArrayEquals(Files.readAllBytes(SharedData.photos("train", "dogs", 13).get(9)),
                Files.readAllBytes(dest.resolve("test/dogs/dog.9.jpg")), "photos are copied as they are");
    }

    @Test
    void eachSkippedFileIsReportedByName() throws IOException {
        List<String> report = new ArrayList<>();
        PetImages.build(archive(), temp.resolve("out"), report::add, 5, 2, 2);
        assertEquals(4, report.size(), String.join("\n", report));
        assertTrue(report.get(0).startsWith("Skipping PetImages/Cat/1.jpg: it is empty"), report.get(0));
        assertTrue(report.get(1).startsWith("Skipping PetImages/Cat/3.jpg: it is not a readable image"), report.get(1));
        assertTrue(report.get(2).startsWith("Skipping PetImages/Dog/2.jpg: it is not a readable image"), report.get(2));
        assertTrue(report.get(3).contains("skipped 3 unreadable files"), report.get(3));
    }

    @Test
    void theResultIsWhatCatsAndDogsReads() throws IOException {
        Path dest = temp.resolve("cats_and_dogs_small");
        PetImages.build(archive(), dest, line -> { }, 5, 2, 2);
        Split split = Datasets.catsAndDogs(dest, 32);
        assertArrayEquals(new int[] {5, 5}, split.train().classCounts());
        assertArrayEquals(new int[] {2, 2}, split.validation().classCounts());
        assertEquals(List.of("cats", "dogs"), split.test().classNames());
    }

    @Test
    void tooFewReadablePhotosLeaveNothingBehind() throws IOException {
        Path dest = temp.resolve("cats_and_dogs_small");
        Path zip = archive();
        DatasetException e = assertThrows(DatasetException.class, () -> PetImages.build(zip, dest, line -> { }, 8, 2, 2));
        assertTrue(e.getMessage().contains("only 11 readable cats photos, but 12 are needed"), e.getMessage());
        assertFalse(Files.exists(dest));
        try (Stream<Path> left = Files.list(temp)) {
            assertEquals(List.of(zip), left.toList(), "the unfinished folder is removed");
        }
    }

    @Test
    void anExistingDestinationIsRefusedByName() throws IOException {
        Path dest = Files.createDirectories(temp.resolve("cats_and_dogs_small"));
        Path zip = archive();
        DatasetException e = assertThrows(DatasetException.class, () -> PetImages.build(zip, dest, line -> { }));
        assertTrue(e.getMessage().startsWith(dest + " already exists"), e.getMessage());
    }

    @Test
    void anArchiveWithoutPetImagesIsRefusedByName() throws IOException {
        Path zip = temp.resolve("other.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            put(out, "train/cats/cat.1.jpg", Files.readAllBytes(SharedData.photos("train", "cats", 1).get(0)));
        }
        DatasetException e = assertThrows(DatasetException.class, () -> PetImages.build(zip, temp.resolve("d"), line -> { }));
        assertTrue(e.getMessage().startsWith(zip + " has no PetImages/Cat/<number>.jpg entries"), e.getMessage());
    }

    @Test
    void aFileThatIsNoZipIsRefusedByName() throws IOException {
        Path zip = temp.resolve("broken.zip");
        try (OutputStream out = Files.newOutputStream(zip)) {
            out.write("<html>rate limited</html>".getBytes());
        }
        DatasetException e = assertThrows(DatasetException.class, () -> PetImages.build(zip, temp.resolve("d"), line -> { }));
        assertTrue(e.getMessage().startsWith(zip + " is not a readable zip archive"), e.getMessage());
        assertFalse(Files.exists(temp.resolve("d")));
    }

    @Test
    void theCommandLineReportsAProblemInOneLineWithStatusOne() throws IOException {
        Path dest = Files.createDirectories(temp.resolve("cats_and_dogs_small"));
        List<String> out = new ArrayList<>();
        List<String> err = new ArrayList<>();
        assertEquals(1, PetImages.run(new String[] {archive().toString(), dest.toString()}, out::add, err::add));
        assertEquals(1, err.size());
        assertTrue(err.get(0).startsWith(dest + " already exists"), err.get(0));
        assertEquals(2, PetImages.run(new String[] {"only-one"}, out::add, err::add));
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
