package coursekit.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The lecture's small cats-and-dogs set read from its folder ({@code train/}, {@code validation/}, {@code test/},
 * each with {@code cats/} and {@code dogs/}), or the embedded 32-pixel set when the folder is not there.
 */
final class CatsAndDogs {

    /** The folder's name in the data directory, as the lecture names it. */
    static final String FOLDER = "cats_and_dogs_small";

    /** The three parts of the lecture's layout, in the order of a {@link Split}. */
    static final List<String> PARTS = List.of("train", "validation", "test");

    /** The seed of the embedded set's split when it stands in for the photos. */
    static final long EMBEDDED_SEED = 42;

    private CatsAndDogs() {}

    /** The photos in {@code folder} at {@code size x size}, as photo sets that decode per batch. */
    static Split photos(Path folder, int size) {
        if (!Files.isDirectory(folder)) {
            throw new DatasetException(folder.toAbsolutePath() + " is not a folder; run ./kit fetch cats-and-dogs to build the "
                    + "lecture's photos there, or pass the folder that holds train/, validation/ and test/.");
        }
        for (String part : PARTS) {
            if (!Files.isDirectory(folder.resolve(part))) {
                throw new DatasetException(folder + " has no " + part + "/ folder; the lecture's layout is "
                        + "train/, validation/ and test/, each with one folder per class (cats/, dogs/).");
            }
        }
        ImageSet[] parts = new ImageSet[PARTS.size()];
        for (int i = 0; i < parts.length; i++) {
            Path part = folder.resolve(PARTS.get(i));
            parts[i] = ImageFolder.photos(part, size, size);
            checkClasses(part, parts[i].classNames(), i == 0 ? null : parts[0].classNames());
        }
        return new Split(parts[0], parts[1], parts[2]);
    }

    /** The photos when {@code folder} exists, else the embedded set upsampled to {@code embeddedSize}, saying so in one line. */
    static Split photosOrEmbedded(Path folder, int photoSize, int embeddedSize) {
        if (Files.isDirectory(folder)) {
            Split split = photos(folder, photoSize);
            System.out.println("Data: the lecture's cats and dogs photos from " + folder + " (" + split.train().size() + " / "
                    + split.validation().size() + " / " + split.test().size() + "), at " + photoSize + "x" + photoSize + ".");
            return split;
        }
        System.out.println("Data: no photos at " + folder + ", so the embedded cats-dogs-32 set stands in (2,000 CIFAR-10 "
                + "images, split 1,000 / 500 / 500 with seed " + EMBEDDED_SEED + ", upsampled from 32x32 to " + embeddedSize + "x"
                + embeddedSize + "); ./kit fetch cats-and-dogs downloads the lecture's 4,000 photos.");
        return embedded(embeddedSize);
    }

    /** The embedded 32-pixel cats and dogs, split as the labs split them and upsampled to {@code size}. */
    static Split embedded(int size) {
        return Datasets.catsDogs32().split(0.5, 0.25, 0.25, EMBEDDED_SEED).resize(size, size);
    }

    /** Two classes, the same in every part: a third class folder or a missing one is refused by name. */
    private static void checkClasses(Path part, List<String> classes, List<String> trainClasses) {
        if (classes.size() > 2) {
            List<String> extra = classes.stream().filter(name -> !name.equals("cats") && !name.equals("dogs")).toList();
            throw new DatasetException(part + " has the class folders " + classes + ", but cats and dogs has exactly two; move "
                    + (extra.size() < classes.size() ? part.resolve(extra.get(0)) + (extra.size() > 1 ? " and " + extra.subList(1,
                            extra.size()) : "") : "the extra ones") + " out of it.");
        }
        if (classes.size() < 2) {
            throw new DatasetException(part + " has only the class folder " + classes + ", but cats and dogs needs two; add "
                    + "the other class's folder (cats/ or dogs/) with its photos.");
        }
        if (trainClasses != null && !trainClasses.equals(classes)) {
            throw new DatasetException(part + " has the class folders " + classes + ", but train/ has " + trainClasses
                    + "; name them alike in train/, validation/ and test/.");
        }
    }
}
