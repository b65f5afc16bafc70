package coursekit.cl;

import coursekit.data.Core50Files;
import coursekit.data.Core50Files.Session;
import coursekit.data.DatasetException;
import coursekit.data.Datasets;
import coursekit.data.ImageSet;
import coursekit.data.TrainTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * CORe50 (Lomonaco and Maltoni, 2017, https://vlomonaco.github.io/core50/): 50 household objects in 10 categories of 5,
 * filmed in 11 sessions (backgrounds and lighting), with the benchmark's scenarios; {@link Core50Files} reads its
 * 128x128 folder layout ({@code core50_128x128/s1 ... s11/o1 ... o50/*.png}).
 *
 * <pre>{@code
 * var core50 = Core50.builder().imageSize(32, 32).frameStep(10).build();   // from Datasets.dataDirectory()/core50
 * Scenario ni  = core50.ni(42);          // 8 training sessions, all 50 objects in each
 * Scenario nc  = core50.nc(42);          // 10 objects, then 8 x 5
 * Scenario mt  = core50.multiTaskNc(42); // the same cut, each experience a task with its task label
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
    public static final String URL = Core50Files.URL;

    /** The 10 categories, in object order: objects {@code 5c+1 .. 5c+5} belong to category {@code c}. */
    public static final List<String> CATEGORIES = Core50Files.CATEGORIES;

    /** The test sessions of CORe50's standard protocols. */
    public static final List<Integer> TEST_SESSIONS = List.of(3, 7, 10);

    private final Path folder;
    private final boolean categories;
    private final List<String> classNames;
    private final Core50Files files;
    private final Map<Integer, Session> sessions;
    private final List<Integer> trainingSessions;
    private final List<Integer> testSessions;
    private final ImageSet testSet;

    private Core50(Core50Files files, boolean categories, List<Integer> testSessions) {
        this.folder = files.folder();
        this.categories = categories;
        this.classNames = files.classNames();
        this.files = files;
        this.sessions = files.sessions();
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
                if (s < 1 || s > Core50Files.SESSIONS) {
                    throw new IllegalArgumentException("CORe50's sessions are 1.." + Core50Files.SESSIONS + ", but testSessions has "
                            + s + ".");
                }
            }
            return withTestSessions(Core50Files.read(folder, height, width, categories, frameStep), categories, testSessions);
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
        int[] cut = standardNcCut("nc");
        return nc(cut[0], cut[1], seed);
    }

    /**
     * New classes (NC): {@code firstClasses} classes in the first experience, then {@code classesPerExperience} per
     * experience, in a seeded class order; each class brings its images from all training sessions and is tested on
     * the test sessions.
     */
    public Scenario nc(int firstClasses, int classesPerExperience, long seed) {
        return newClasses(false, firstClasses, classesPerExperience, seed);
    }

    /**
     * The CLVision 2020 challenge's Multi-Task-NC track: the standard NC cut of {@link #nc(long)} (10 objects, then
     * 8 x 5), but each experience is a task of its own, its labels restarting at 0 and its task label (0..8) given in
     * training and at test time, so a network with a head per task knows which head to ask.
     */
    public Scenario multiTaskNc(long seed) {
        int[] cut = standardNcCut("multiTaskNc");
        return multiTaskNc(cut[0], cut[1], seed);
    }

    /** The Multi-Task-NC cut with {@code firstClasses} classes first and then {@code classesPerExperience} per task. */
    public Scenario multiTaskNc(int firstClasses, int classesPerExperience, long seed) {
        return newClasses(true, firstClasses, classesPerExperience, seed);
    }

    /** The NC cut in a seeded class order, with one head ({@code tasks} false) or a task per experience. */
    private Scenario newClasses(boolean tasks, int firstClasses, int classesPerExperience, long seed) {
        return Scenarios.cut((tasks ? "CORe50 Multi-Task-NC, " : "CORe50 NC, ") + level(), trainTest(),
                Scenarios.seededOrder(numClasses(), seed), Scenarios.firstThenEqual(numClasses(), firstClasses, classesPerExperience),
                "seed " + seed, tasks);
    }

    /** The standard NC cut's {first, per experience}; {@code method} names the call that asked, for the error. */
    private int[] standardNcCut(String method) {
        int expected = categories ? CATEGORIES.size() : Core50Files.OBJECTS;
        if (numClasses() != expected) {
            throw new IllegalArgumentException("The standard NC cut needs all " + expected + " " + level() + ", but " + folder
                    + " has " + numClasses() + "; use " + method + "(firstClasses, classesPerExperience, seed) to choose a cut.");
        }
        return categories ? new int[] {2, 2} : new int[] {10, 5};
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
        return new Core50Nic(this, files).scenario(firstClasses, unitsPerExperience, seed);
    }

    /** "objects" or "categories", as the scenarios' names say. */
    String level() {
        return categories ? "categories" : "objects";
    }

    /** The labels present in a set, ascending. */
    static int[] present(ImageSet set) {
        int[] counts = set.classCounts();
        return IntStream.range(0, counts.length).filter(c -> counts[c] > 0).toArray();
    }

    /**
     * The CORe50 of {@code files} with the test sessions among {@code testSessions} that are present.
     *
     * @throws DatasetException when none of them is present, or nothing else is
     */
    private static Core50 withTestSessions(Core50Files files, boolean categories, List<Integer> testSessions) {
        List<Integer> test = testSessions.stream().filter(files.sessions()::containsKey).sorted().toList();
        if (test.isEmpty()) {
            throw new DatasetException(files.folder() + " has none of the test sessions " + testSessions + " (it has "
                    + files.sessions().keySet() + "); extract all of core50_128x128.zip, or name the sessions to test on with "
                    + "testSessions(...).");
        }
        if (test.size() == files.sessions().size()) {
            throw new DatasetException(files.folder() + " has only the test sessions " + test + " and none to train on; extract all "
                    + "of core50_128x128.zip.");
        }
        return new Core50(files, categories, test);
    }

    @Override
    public String toString() {
        return "Core50[" + folder + ", " + numClasses() + " " + level() + ", training sessions " + trainingSessions
                + ", test sessions " + testSessions + ", " + testSet.height() + "x" + testSet.width() + "]";
    }
}
