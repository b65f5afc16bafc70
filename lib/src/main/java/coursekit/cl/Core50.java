package coursekit.cl;

import coursekit.data.DatasetException;
import coursekit.data.Datasets;
import coursekit.data.ImageFolder;
import coursekit.data.ImageSet;
import coursekit.data.TrainTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * CORe50 (Lomonaco and Maltoni, 2017, https://vlomonaco.github.io/core50/): 50 household objects in 10 categories of 5,
 * filmed in 11 sessions (backgrounds and lighting), read from its 128x128 folder layout, with the benchmark's
 * scenarios.
 *
 * <pre>
 * core50_128x128/
 *   s1/ o1/ C_01_01_000.png C_01_01_001.png ...   (session 1, object 1, about 300 frames)
 *       ...
 *       o50/
 *   ...
 *   s11/
 * </pre>
 *
 * <pre>{@code
 * var core50 = Core50.builder().imageSize(32, 32).frameStep(10).build();   // from Datasets.dataDirectory()/core50
 * Scenario ni  = core50.ni(42);          // 8 training sessions, all 50 objects in each
 * Scenario nc  = core50.nc(42);          // 10 objects, then 8 x 5
 * Scenario nic = core50.nic(5, 42);      // 79 experiences of new sessions and new objects
 * }</pre>
 *
 * <p>Sessions 3, 7 and 10 are the test sessions of the standard protocols; the other eight train. Objects {@code o1..o5}
 * are the first category ({@link #CATEGORIES}), {@code o6..o10} the second, and so on. Labels are object-level (50
 * classes) unless {@link Builder#categories(boolean)} asks for the 10 categories. A folder with fewer sessions or
 * objects (a subset, or a test's fixture) loads too: the classes are the objects (or categories) present, in
 * ascending order, and {@link Scenario#classOrder()} refers to that order ({@link #classNames()}).
 *
 * <p>All 164,866 images at 32x32 take about 500 MB; {@link Builder#frameStep(int)} keeps every n-th frame of each
 * object in each session (neighbouring frames of the 20 fps videos differ little).
 */
public final class Core50 {

    /** Where CORe50 is published; {@code core50_128x128.zip} is the archive this class reads. */
    public static final String URL = "https://vlomonaco.github.io/core50/";

    /** The 10 categories, in object order: objects {@code 5c+1 .. 5c+5} belong to category {@code c}. */
    public static final List<String> CATEGORIES = List.of("plug adapter", "mobile phone", "scissors", "light bulb", "can",
            "glasses", "ball", "marker", "cup", "remote control");

    /** The test sessions of CORe50's standard protocols. */
    public static final List<Integer> TEST_SESSIONS = List.of(3, 7, 10);

    private static final int OBJECTS = 50;
    private static final int SESSIONS = 11;
    private static final int OBJECTS_PER_CATEGORY = 5;
    private static final String IMAGES_FOLDER = "core50_128x128";
    private static final Pattern SESSION = Pattern.compile("s(\\d+)");
    private static final Pattern OBJECT = Pattern.compile("o(\\d+)");

    /** The images of one session, labelled by class, and the object each image shows. */
    private record Session(int number, ImageSet images, int[] objects) {}

    private final Path folder;
    private final boolean categories;
    private final List<String> classNames;
    private final int[] classOfObject;
    private final Map<Integer, Session> sessions;
    private final List<Integer> trainingSessions;
    private final List<Integer> testSessions;
    private final ImageSet testSet;

    private Core50(Path folder, boolean categories, List<String> classNames, int[] classOfObject,
            Map<Integer, Session> sessions, List<Integer> testSessions) {
        this.folder = folder;
        this.categories = categories;
        this.classNames = List.copyOf(classNames);
        this.classOfObject = classOfObject;
        this.sessions = sessions;
        this.testSessions = List.copyOf(testSessions);
        this.trainingSessions = sessions.keySet().stream().filter(s -> !testSessions.contains(s)).toList();
        this.testSet = ImageSet.concat(this.testSessions.stream().map(s -> sessions.get(s).images()).toList());
    }

    /** Settings for reading CORe50; {@link Builder#build()} reads the images. */
    public static Builder builder() {
        return new Builder();
    }

    /** How to read CORe50: where from, at which size, with which labels. */
    public static final class Builder {

        private Path folder;
        private int height = 32;
        private int width = 32;
        private boolean categories;
        private int frameStep = 1;
        private List<Integer> testSessions = TEST_SESSIONS;

        private Builder() {}

        /**
         * The folder that holds {@code core50_128x128/}, or that folder itself; by default
         * {@code core50/} in {@link Datasets#dataDirectory()}.
         */
        public Builder folder(Path folder) {
            this.folder = folder;
            return this;
        }

        /** The size every image is resized to (bilinear), 32x32 by default so that training fits a CPU; 128x128 is the original. */
        public Builder imageSize(int height, int width) {
            this.height = height;
            this.width = width;
            return this;
        }

        /** True for the 10 category labels, false (the default) for the 50 object labels. */
        public Builder categories(boolean categories) {
            this.categories = categories;
            return this;
        }

        /** Keeps every {@code step}-th frame of each object in each session (1, the default, keeps all). */
        public Builder frameStep(int step) {
            this.frameStep = step;
            return this;
        }

        /** The sessions to test on; 3, 7 and 10 by default, as in CORe50's protocols. */
        public Builder testSessions(Integer... sessions) {
            this.testSessions = List.of(sessions);
            return this;
        }

        /**
         * Reads the images.
         *
         * @throws DatasetException when the folder is missing, in another layout, or an image cannot be decoded
         */
        public Core50 build() {
            if (height <= 0 || width <= 0) {
                throw new IllegalArgumentException("The image size must be positive, but got imageSize(" + height + ", " + width + ").");
            }
            if (frameStep < 1) {
                throw new IllegalArgumentException("frameStep must be 1 or more, but got frameStep=" + frameStep + ".");
            }
            for (int s : testSessions) {
                if (s < 1 || s > SESSIONS) {
                    throw new IllegalArgumentException("CORe50's sessions are 1.." + SESSIONS + ", but testSessions has " + s + ".");
                }
            }
            Path root = folder != null ? folder : Datasets.dataDirectory().resolve("core50");
            return read(imagesFolder(root), this);
        }
    }

    /** The folder the images were read from ({@code core50_128x128/}). */
    public Path folder() {
        return folder;
    }

    /** True when labels are the 10 categories, false when they are the objects. */
    public boolean categories() {
        return categories;
    }

    /** The class names, indexed by label: {@code o7 (mobile phone)} for objects, {@code mobile phone} for categories. */
    public List<String> classNames() {
        return classNames;
    }

    public int numClasses() {
        return classNames.size();
    }

    /** The sessions present that are not test sessions, ascending. */
    public List<Integer> trainingSessions() {
        return trainingSessions;
    }

    /** The test sessions present, ascending. */
    public List<Integer> testSessions() {
        return testSessions;
    }

    /** All images of one session, labelled by class. */
    public ImageSet session(int number) {
        Session s = sessions.get(number);
        if (s == null) {
            throw new IllegalArgumentException("Session " + number + " is not in " + folder + "; it has sessions " + sessions.keySet() + ".");
        }
        return s.images();
    }

    /** The images of all test sessions, labelled by class. */
    public ImageSet testSet() {
        return testSet;
    }

    /** The training sessions joined as the training set, the test sessions as the test set. */
    public TrainTest trainTest() {
        return new TrainTest(ImageSet.concat(trainingSessions.stream().map(this::session).toList()), testSet);
    }

    /**
     * New instances (NI): each training session is one experience of all classes, in a seeded session order; every
     * experience is tested on the whole test set (the test sessions).
     */
    public Scenario ni(long seed) {
        int[] order = Scenarios.seededOrder(trainingSessions.size(), seed);
        List<Experience> stream = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int k = 0; k < order.length; k++) {
            int s = trainingSessions.get(order[k]);
            ImageSet train = session(s);
            stream.add(new Experience(k, present(train), 0, train, testSet));
            names.add("s" + s);
        }
        String name = "CORe50 NI (" + order.length + " sessions of " + numClasses() + " " + level() + ", seed " + seed
                + ", sessions " + names + ")";
        return new Scenario(name, stream, Scenarios.identity(numClasses()), false, classNames, testSet);
    }

    /**
     * New classes (NC), the standard cut: with object labels, 10 objects first and then 8 experiences of 5
     * (CORe50's NC protocol); with category labels, 2 categories first and then 4 experiences of 2 (a cut of this
     * kit's own, as the category-level NC protocol is not a standard one). Classes come in a seeded order.
     */
    public Scenario nc(long seed) {
        int first = categories ? 2 : 10;
        int per = categories ? 2 : 5;
        int expected = categories ? CATEGORIES.size() : OBJECTS;
        if (numClasses() != expected) {
            throw new IllegalArgumentException("The standard NC cut needs all " + expected + " " + level() + ", but " + folder
                    + " has " + numClasses() + "; use nc(firstClasses, classesPerExperience, seed) to choose a cut.");
        }
        return nc(first, per, seed);
    }

    /**
     * New classes (NC): {@code firstClasses} classes in the first experience, then {@code classesPerExperience} per
     * experience, in a seeded class order; each class brings its images from all training sessions and is tested on
     * the test sessions.
     */
    public Scenario nc(int firstClasses, int classesPerExperience, long seed) {
        int rest = numClasses() - firstClasses;
        if (firstClasses < 1 || classesPerExperience < 1 || rest < 0 || rest % classesPerExperience != 0) {
            throw new IllegalArgumentException("An NC cut must put " + numClasses() + " classes into a first experience and "
                    + "equal later ones, but got firstClasses=" + firstClasses + ", classesPerExperience="
                    + classesPerExperience + ".");
        }
        int[] sizes = new int[1 + rest / classesPerExperience];
        Arrays.fill(sizes, classesPerExperience);
        sizes[0] = firstClasses;
        return Scenarios.classIncremental("CORe50 NC, " + level(), trainTest(), Scenarios.seededOrder(numClasses(), seed),
                sizes, "seed " + seed);
    }

    /**
     * New instances and classes (NIC-style), with the standard first experience: 10 objects (2 categories with
     * category labels). See {@link #nic(int, int, long)}.
     */
    public Scenario nic(int unitsPerExperience, long seed) {
        return nic(categories ? 2 : 10, unitsPerExperience, seed);
    }

    /**
     * New instances and classes, NIC-style: experiences that bring new sessions of classes already seen as well as
     * new classes, with one head and no task labels.
     *
     * <p>The rule, a simpler relative of CORe50's NICv2 protocols (Lomonaco et al., 2020, "Rehearsal-Free Continual
     * Learning over Small Non-I.I.D. Batches", https://arxiv.org/abs/1907.03799; the CLVision 2020 challenge's NIC
     * track used NICv2-391): a <em>unit</em> is one object in one training session (400 units in the full set).
     * <ol>
     *   <li>The classes are shuffled with the seed; the first experience holds, for each of the first
     *       {@code firstClasses} classes, each of its objects in the earliest training session that has it (one unit
     *       per class with object labels, five with category labels: 10 units either way in the standard cut).</li>
     *   <li>The other units are shuffled with the seed, then each object's units are put back in session order within
     *       the places the shuffle gave them, so an object is always seen in its sessions' time order.</li>
     *   <li>They are dealt {@code unitsPerExperience} at a time into the later experiences (the last may hold fewer).</li>
     * </ol>
     * With all 50 objects and the standard first experience (10 objects, or 2 categories) this gives 1 + 390 / u
     * experiences: 391, 196 and 79 for u = 1, 2, 5,
     * the numbers of batches of NICv2-391, -196 and -79 (whose own rule also spaces out the arrival of new classes;
     * this one does not).
     *
     * <p>Network labels follow the order in which classes first appear, so the classes seen after experience
     * {@code i} are labels {@code 0..n-1}. Experience {@code k}'s test set holds the test images of the classes it
     * brings; {@link Scenario#testUpTo} gives each test image of the classes seen once.
     */
    public Scenario nic(int firstClasses, int unitsPerExperience, long seed) {
        if (firstClasses < 1 || firstClasses > numClasses() || unitsPerExperience < 1) {
            throw new IllegalArgumentException("NIC needs 1.." + numClasses() + " first classes and at least one unit per "
                    + "experience, but got firstClasses=" + firstClasses + ", unitsPerExperience=" + unitsPerExperience + ".");
        }
        Random random = new Random(seed);
        List<int[]> units = new ArrayList<>();
        for (int s : trainingSessions) {
            for (int object : new TreeSet<>(Arrays.stream(sessions.get(s).objects()).boxed().toList())) {
                units.add(new int[] {object, s});
            }
        }
        List<Integer> shuffledClasses = new ArrayList<>();
        for (int c = 0; c < numClasses(); c++) {
            shuffledClasses.add(c);
        }
        Collections.shuffle(shuffledClasses, random);
        List<int[]> first = new ArrayList<>();
        for (int c : shuffledClasses.subList(0, firstClasses)) {
            List<Integer> objects = units.stream().filter(u -> classOfObject[u[0]] == c).map(u -> u[0]).distinct().toList();
            if (objects.isEmpty()) {
                throw new IllegalArgumentException("Class " + classNames.get(c) + " has no images in the training sessions "
                        + trainingSessions + " of " + folder + ", so it cannot start an NIC stream.");
            }
            for (int object : objects) {
                // units lists sessions in ascending order, so the first unit of an object is its earliest session.
                first.add(units.stream().filter(u -> u[0] == object).findFirst().orElseThrow());
            }
        }
        units.removeAll(first);
        Collections.shuffle(units, random);
        sessionsInTimeOrder(units);
        List<List<int[]>> experiences = new ArrayList<>();
        experiences.add(first);
        for (int start = 0; start < units.size(); start += unitsPerExperience) {
            experiences.add(units.subList(start, Math.min(units.size(), start + unitsPerExperience)));
        }
        return nicScenario(experiences, firstClasses, unitsPerExperience, seed);
    }

    /** Gives each object's units, in the places they hold, its sessions in ascending order. */
    private static void sessionsInTimeOrder(List<int[]> units) {
        Map<Integer, List<Integer>> sessionsOf = new TreeMap<>();
        for (int[] u : units) {
            sessionsOf.computeIfAbsent(u[0], o -> new ArrayList<>()).add(u[1]);
        }
        sessionsOf.values().forEach(Collections::sort);
        Map<Integer, Integer> next = new TreeMap<>();
        for (int[] u : units) {
            int i = next.merge(u[0], 1, Integer::sum) - 1;
            u[1] = sessionsOf.get(u[0]).get(i);
        }
    }

    private Scenario nicScenario(List<List<int[]>> experiences, int firstClasses, int unitsPerExperience, long seed) {
        int[] networkOf = new int[numClasses()];
        Arrays.fill(networkOf, -1);
        List<Integer> order = new ArrayList<>();
        for (List<int[]> experience : experiences) {
            for (int[] unit : experience) {
                int c = classOfObject[unit[0]];
                if (networkOf[c] < 0) {
                    networkOf[c] = order.size();
                    order.add(c);
                }
            }
        }
        if (order.size() < numClasses()) {
            // Classes with no training images would have no network label; the stream covers only those it brings.
            throw new IllegalArgumentException("Some classes of " + folder + " have no images in the training sessions "
                    + trainingSessions + "; NIC needs every class in at least one training session.");
        }
        List<String> names = order.stream().map(classNames::get).toList();
        ImageSet test = testSet.remap(networkOf, names);
        List<Experience> stream = new ArrayList<>();
        for (int k = 0; k < experiences.size(); k++) {
            List<ImageSet> parts = new ArrayList<>();
            for (int[] unit : experiences.get(k)) {
                Session s = sessions.get(unit[1]);
                int[] objects = s.objects();
                parts.add(s.images().subset(java.util.stream.IntStream.range(0, objects.length)
                        .filter(i -> objects[i] == unit[0]).toArray()));
            }
            ImageSet train = ImageSet.concat(parts).remap(networkOf, names);
            int[] classes = present(train);
            int[] only = new int[names.size()];
            Arrays.fill(only, -1);
            for (int c : classes) {
                only[c] = c;
            }
            stream.add(new Experience(k, classes, 0, train, test.remap(only, names)));
        }
        String name = "CORe50 NIC-style, " + level() + " (" + experiences.size() + " experiences: " + firstClasses
                + " classes first, then " + unitsPerExperience + " session-object units each, seed " + seed + ")";
        return new Scenario(name, stream, order.stream().mapToInt(Integer::intValue).toArray(), false, names, test);
    }

    private String level() {
        return categories ? "categories" : "objects";
    }

    /** The labels present in a set, ascending. */
    private static int[] present(ImageSet set) {
        int[] counts = set.classCounts();
        return java.util.stream.IntStream.range(0, counts.length).filter(c -> counts[c] > 0).toArray();
    }

    /** {@code core50_128x128/} inside {@code root}, or {@code root} itself when it holds the sessions. */
    private static Path imagesFolder(Path root) {
        Path inner = root.resolve(IMAGES_FOLDER);
        if (Files.isDirectory(inner)) {
            return inner;
        }
        if (Files.isDirectory(root) && list(root).stream()
                .anyMatch(p -> Files.isDirectory(p) && SESSION.matcher(p.getFileName().toString()).matches())) {
            return root;
        }
        throw new DatasetException("CORe50 is not in " + root + ": download core50_128x128.zip from " + URL
                + " and extract it into " + Datasets.dataDirectory().resolve("core50")
                + " (so that it holds core50_128x128/s1 ... s11), or pass its folder to Core50.builder().folder(...).");
    }

    private static Core50 read(Path folder, Builder options) {
        Map<Integer, Path> sessionDirs = sessionFolders(folder);
        if (sessionDirs.isEmpty()) {
            throw new DatasetException(folder + " holds no session folders s1 ... s11; extract core50_128x128.zip from "
                    + URL + " there again.");
        }
        // First list every image, so that the classes (the objects present) are known before decoding.
        Map<Integer, Map<Integer, List<Path>>> files = new TreeMap<>();
        TreeSet<Integer> objects = new TreeSet<>();
        for (Map.Entry<Integer, Path> s : sessionDirs.entrySet()) {
            Map<Integer, List<Path>> byObject = new TreeMap<>();
            for (Map.Entry<Integer, Path> o : numbered(s.getValue(), OBJECT, OBJECTS, "object").entrySet()) {
                List<Path> frames = pngs(o.getValue());
                List<Path> kept = new ArrayList<>();
                for (int i = 0; i < frames.size(); i += options.frameStep) {
                    kept.add(frames.get(i));
                }
                byObject.put(o.getKey(), kept);
                objects.add(o.getKey());
            }
            files.put(s.getKey(), byObject);
        }
        List<String> classNames = new ArrayList<>();
        int[] classOfObject = new int[OBJECTS + 1];
        Arrays.fill(classOfObject, -1);
        Map<Integer, Integer> classOfCategory = new LinkedHashMap<>();
        for (int object : objects) {
            int category = (object - 1) / OBJECTS_PER_CATEGORY;
            if (options.categories) {
                if (!classOfCategory.containsKey(category)) {
                    classOfCategory.put(category, classNames.size());
                    classNames.add(CATEGORIES.get(category));
                }
                classOfObject[object] = classOfCategory.get(category);
            } else {
                classOfObject[object] = classNames.size();
                classNames.add("o" + object + " (" + CATEGORIES.get(category) + ")");
            }
        }
        Map<Integer, Session> sessions = new TreeMap<>();
        for (Map.Entry<Integer, Map<Integer, List<Path>>> s : files.entrySet()) {
            List<Path> paths = new ArrayList<>();
            List<Integer> objectOf = new ArrayList<>();
            for (Map.Entry<Integer, List<Path>> o : s.getValue().entrySet()) {
                paths.addAll(o.getValue());
                o.getValue().forEach(p -> objectOf.add(o.getKey()));
            }
            int[] objectArray = objectOf.stream().mapToInt(Integer::intValue).toArray();
            int[] labels = Arrays.stream(objectArray).map(o -> classOfObject[o]).toArray();
            ImageSet images = ImageFolder.load(sessionDirs.get(s.getKey()), paths, labels, classNames, options.height, options.width);
            sessions.put(s.getKey(), new Session(s.getKey(), images, objectArray));
        }
        List<Integer> test = options.testSessions.stream().filter(sessions::containsKey).sorted().toList();
        if (test.isEmpty()) {
            throw new DatasetException(folder + " has none of the test sessions " + options.testSessions + " (it has "
                    + sessions.keySet() + "); extract all of core50_128x128.zip, or name the sessions to test on with "
                    + "testSessions(...).");
        }
        if (test.size() == sessions.size()) {
            throw new DatasetException(folder + " has only the test sessions " + test + " and none to train on; extract all "
                    + "of core50_128x128.zip.");
        }
        return new Core50(folder, options.categories, classNames, classOfObject, sessions, test);
    }

    private static Map<Integer, Path> sessionFolders(Path folder) {
        return numbered(folder, SESSION, SESSIONS, "session");
    }

    /** The sub-folders named {@code <letter><number>}, by number; anything else that is not hidden is an error. */
    private static Map<Integer, Path> numbered(Path folder, Pattern pattern, int max, String what) {
        Map<Integer, Path> result = new TreeMap<>();
        for (Path entry : list(folder)) {
            String name = entry.getFileName().toString();
            if (name.startsWith(".")) {
                continue;
            }
            Matcher m = pattern.matcher(name);
            int number = m.matches() ? Integer.parseInt(m.group(1)) : -1;
            if (number < 1 || number > max || !Files.isDirectory(entry)) {
                throw new DatasetException(entry + " is not a CORe50 " + what + " folder (" + pattern.pattern().charAt(0)
                        + "1 ... " + pattern.pattern().charAt(0) + max + "); remove it, or extract core50_128x128.zip from "
                        + URL + " again.");
            }
            result.put(number, entry);
        }
        return result;
    }

    private static List<Path> pngs(Path objectFolder) {
        List<Path> result = new ArrayList<>();
        for (Path entry : list(objectFolder)) {
            String name = entry.getFileName().toString();
            if (name.startsWith(".")) {
                continue;
            }
            if (!name.toLowerCase(java.util.Locale.ROOT).endsWith(".png") || !Files.isRegularFile(entry)) {
                throw new DatasetException(entry + " is not a CORe50 frame (a .png file); remove it, or extract "
                        + "core50_128x128.zip from " + URL + " again.");
            }
            result.add(entry);
        }
        if (result.isEmpty()) {
            throw new DatasetException(objectFolder + " holds no frames; extract core50_128x128.zip from " + URL + " again.");
        }
        return result;
    }

    private static List<Path> list(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.sorted().toList();
        } catch (IOException e) {
            throw new DatasetException(folder + " cannot be read (" + e.getMessage() + "); check that it exists and is readable.", e);
        }
    }

    @Override
    public String toString() {
        return "Core50[" + folder + ", " + numClasses() + " " + level() + ", training sessions " + trainingSessions
                + ", test sessions " + testSessions + ", " + testSet.height() + "x" + testSet.width() + "]";
    }
}
