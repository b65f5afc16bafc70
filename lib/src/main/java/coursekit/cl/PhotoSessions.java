package coursekit.cl;

import coursekit.data.ImageSet;
import coursekit.data.TrainTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Cuts a photo set into sessions that look different, as a new-instances (NI) scenario: every session holds every
 * class, and what changes from one session to the next is the kind of photo, the way CORe50's sessions change the
 * background and the lighting (Lomonaco and Maltoni, 2017).
 *
 * <p>The photos are left as they are; they are sorted by a statistic of their own pixels, class by class, and each
 * class is cut into equal runs: session 0 holds the darkest cats and the darkest dogs (or the greyest), the last
 * session the brightest (or the most colourful). A network's input statistics then drift from session to session
 * while the classes stay the same, which is the domain shift a continual learner must survive. Sorting within each
 * class keeps both classes equally present in every session, so no session can be solved by guessing the class
 * from the lighting alone.
 *
 * <p>{@link #restyled} makes sessions the other way: the photos are dealt to the sessions in turn and each session
 * sees all of its photos with one {@link Look} (dusk, black and white, blur, a warm cast), a shift stronger than any
 * in the photos themselves.
 *
 * <pre>{@code
 * var photos = Datasets.catsAndDogs(160, 160);
 * Scenario s = PhotoSessions.split(new TrainTest(photos.train(), photos.test()), 4, PhotoSessions.Statistic.BRIGHTNESS);
 * Scenario t = PhotoSessions.restyled(new TrainTest(photos.train(), photos.test()), Look.ORIGINAL, Look.DUSK, Look.GREY);
 * }</pre>
 *
 * <p>The cut is deterministic: the same photos give the same sessions (ties are broken by position in the set). The
 * training and test parts are cut each by their own order, so session {@code k}'s test photos are the {@code k}-th
 * run of the test photos, covering about the same range of the statistic as its training photos.
 */
public final class PhotoSessions {

    /** The per-photo statistic that orders the sessions. */
    public enum Statistic {
        /** Mean luma (0.299 R + 0.587 G + 0.114 B), 0-255: dark photos first, bright ones last. */
        BRIGHTNESS("brightness", "darkest first") {
            @Override
            double of(byte[] pixels, int channels) {
                double sum = 0;
                int n = pixels.length / channels;
                for (int p = 0; p < n; p++) {
                    int at = p * channels;
                    sum += channels < 3 ? pixels[at] & 0xff
                            : 0.299 * (pixels[at] & 0xff) + 0.587 * (pixels[at + 1] & 0xff) + 0.114 * (pixels[at + 2] & 0xff);
                }
                return sum / n;
            }
        },
        /**
         * Colourfulness as Hasler and Süsstrunk (2003) measure it, {@code sqrt(sd(rg)^2 + sd(yb)^2) + 0.3 sqrt(mean(rg)^2 +
         * mean(yb)^2)} with {@code rg = R - G} and {@code yb = (R + G) / 2 - B}: grey, washed-out photos first, vivid
         * ones last; 0 for a grey image.
         */
        COLOURFULNESS("colourfulness", "greyest first") {
            @Override
            double of(byte[] pixels, int channels) {
                if (channels < 3) {
                    return 0;
                }
                int n = pixels.length / channels;
                double sumRg = 0;
                double sumYb = 0;
                double squaresRg = 0;
                double squaresYb = 0;
                for (int p = 0; p < n; p++) {
                    int at = p * channels;
                    int red = pixels[at] & 0xff;
                    int green = pixels[at + 1] & 0xff;
                    double rg = red - green;
                    double yb = (red + green) / 2.0 - (pixels[at + 2] & 0xff);
                    sumRg += rg;
                    sumYb += yb;
                    squaresRg += rg * rg;
                    squaresYb += yb * yb;
                }
                double meanRg = sumRg / n;
                double meanYb = sumYb / n;
                double varianceRg = Math.max(0, squaresRg / n - meanRg * meanRg);
                double varianceYb = Math.max(0, squaresYb / n - meanYb * meanYb);
                return Math.sqrt(varianceRg + varianceYb) + 0.3 * Math.sqrt(meanRg * meanRg + meanYb * meanYb);
            }
        };

        private final String label;
        private final String order;

        Statistic(String label, String order) {
            this.label = label;
            this.order = order;
        }

        /** The statistic of one image given as its HWC bytes. */
        abstract double of(byte[] pixels, int channels);

        /** The statistic of image {@code index} of {@code images} (a photo is decoded at the set's size). */
        public double of(ImageSet images, int index) {
            byte[] pixels = new byte[images.imageBytes()];
            images.copyImage(index, pixels, 0);
            return of(pixels, images.channels());
        }

        /** The statistic of every image, computed in parallel (photos are decoded once each). */
        public double[] of(ImageSet images) {
            return IntStream.range(0, images.size()).parallel().mapToDouble(i -> of(images, i)).toArray();
        }

        /** Its name in scenario names and options: {@code brightness}, {@code colourfulness}. */
        @Override
        public String toString() {
            return label;
        }
    }

    private PhotoSessions() {}

    /**
     * {@code sessions} new-instances experiences of all classes, ordered by {@code statistic}: each class's training
     * photos (and, separately, its test photos) sorted by it and cut into {@code sessions} runs of equal size (they
     * differ by at most one photo). The scenario's name gives the statistic's range of each session's training photos.
     *
     * @throws IllegalArgumentException when a class has fewer training or test photos than sessions
     */
    public static Scenario split(TrainTest data, int sessions, Statistic statistic) {
        Objects.requireNonNull(statistic, "statistic");
        if (sessions < 1) {
            throw new IllegalArgumentException("A photo set is cut into at least one session, but got sessions=" + sessions + ".");
        }
        double[] trainValues = statistic.of(data.train());
        int[][] train = runs(data.train(), trainValues, sessions, "training");
        int[][] test = runs(data.test(), statistic.of(data.test()), sessions, "test");
        int[] all = Scenarios.identity(data.numClasses());
        List<Experience> stream = new ArrayList<>();
        List<String> ranges = new ArrayList<>();
        for (int k = 0; k < sessions; k++) {
            stream.add(new Experience(k, all, 0, data.train().subset(train[k]), data.test().subset(test[k])));
            double[] values = Arrays.stream(train[k]).mapToDouble(i -> trainValues[i]).toArray();
            ranges.add(String.format(Locale.ROOT, "%.0f-%.0f", Arrays.stream(values).min().orElse(0), Arrays.stream(values).max().orElse(0)));
        }
        String name = "Photo sessions by " + statistic + " (" + sessions + " sessions of " + all.length + " classes, "
                + statistic.order + ", " + statistic + " " + String.join(", ", ranges) + ")";
        return new Scenario(name, stream, all, false, data.train().classNames());
    }

    /**
     * One new-instances experience per look: each class's training photos (and, separately, its test photos) dealt in
     * turn to the sessions (the first photo of a class to session 0, the second to session 1, ...), and every photo of
     * session {@code k} seen with {@code looks[k]}, training and test alike. Unlike {@link #split}, the photos of one
     * session are as varied as the whole set; only the look tells the sessions apart. The changed photos are held in
     * memory (about 67 KB each at 150x150).
     *
     * @throws IllegalArgumentException when a class has fewer training or test photos than looks
     */
    public static Scenario restyled(TrainTest data, Look... looks) {
        if (looks.length < 1) {
            throw new IllegalArgumentException("Restyled sessions need at least one look, but got none; the looks are "
                    + Arrays.toString(Look.values()) + ".");
        }
        int[][] train = dealt(data.train(), looks.length, "training");
        int[][] test = dealt(data.test(), looks.length, "test");
        int[] all = Scenarios.identity(data.numClasses());
        List<Experience> stream = new ArrayList<>();
        for (int k = 0; k < looks.length; k++) {
            Look look = Objects.requireNonNull(looks[k], "look");
            stream.add(new Experience(k, all, 0, look.apply(data.train().subset(train[k])), look.apply(data.test().subset(test[k]))));
        }
        String name = "Photo sessions by look (" + looks.length + " sessions of " + all.length + " classes, looks "
                + Arrays.toString(looks) + ")";
        return new Scenario(name, stream, all, false, data.train().classNames());
    }

    /** The positions of each session's images when each class's images are dealt to the sessions in turn. */
    static int[][] dealt(ImageSet images, int sessions, String part) {
        checkCounts(images, sessions, part);
        List<List<Integer>> chosen = emptySessions(sessions);
        int[] seen = new int[images.numClasses()];
        for (int i = 0; i < images.size(); i++) {
            chosen.get(seen[images.label(i)]++ % sessions).add(i);
        }
        return ascending(chosen);
    }

    /**
     * The positions of each session's images: class by class, the images sorted by {@code values} (ties by position)
     * and cut into {@code sessions} runs, each session's positions ascending.
     */
    static int[][] runs(ImageSet images, double[] values, int sessions, String part) {
        checkCounts(images, sessions, part);
        List<List<Integer>> chosen = emptySessions(sessions);
        for (int c = 0; c < images.numClasses(); c++) {
            int label = c;
            Integer[] members = IntStream.range(0, images.size()).filter(i -> images.label(i) == label).boxed().toArray(Integer[]::new);
            Arrays.sort(members, (a, b) -> values[a] != values[b] ? Double.compare(values[a], values[b]) : Integer.compare(a, b));
            for (int k = 0; k < sessions; k++) {
                int from = (int) ((long) k * members.length / sessions);
                int to = (int) ((long) (k + 1) * members.length / sessions);
                chosen.get(k).addAll(Arrays.asList(members).subList(from, to));
            }
        }
        return ascending(chosen);
    }

    /** Every class must have an image for every session, or some session would lack it. */
    private static void checkCounts(ImageSet images, int sessions, String part) {
        int[] counts = images.classCounts();
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] < sessions) {
                throw new IllegalArgumentException("Every session needs each class, but the " + part + " part has " + counts[c]
                        + " images of class '" + images.classNames().get(c) + "' for sessions=" + sessions + "; use at most "
                        + counts[c] + " sessions or more images.");
            }
        }
    }

    private static List<List<Integer>> emptySessions(int sessions) {
        List<List<Integer>> chosen = new ArrayList<>();
        for (int k = 0; k < sessions; k++) {
            chosen.add(new ArrayList<>());
        }
        return chosen;
    }

    private static int[][] ascending(List<List<Integer>> chosen) {
        return chosen.stream().map(list -> list.stream().mapToInt(Integer::intValue).sorted().toArray()).toArray(int[][]::new);
    }
}
