package coursekit.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads CORe50's 128x128 folder layout (Lomonaco and Maltoni, 2017, https://vlomonaco.github.io/core50/) into one
 * labelled image set per session: finds the folder, checks the layout, labels the frames by object or category and
 * decodes them. The scenarios built on it are {@code coursekit.cl.Core50}'s.
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
 * <p>Objects {@code o1..o5} are the first category ({@link #CATEGORIES}), {@code o6..o10} the second, and so on. A
 * folder with fewer sessions or objects loads too: the classes are the objects (or categories) present, in ascending
 * order.
 */
public final class Core50Files {

    /** Where CORe50 is published; {@code core50_128x128.zip} is the archive this class reads. */
    public static final String URL = "https://vlomonaco.github.io/core50/";

    /** The 10 categories, in object order: objects {@code 5c+1 .. 5c+5} belong to category {@code c}. */
    public static final List<String> CATEGORIES = List.of("plug adapter", "mobile phone", "scissors", "light bulb", "can",
            "glasses", "ball", "marker", "cup", "remote control");

    /** The number of objects, {@code o1 .. o50}. */
    public static final int OBJECTS = 50;

    /** The number of sessions, {@code s1 .. s11}. */
    public static final int SESSIONS = 11;

    private static final int OBJECTS_PER_CATEGORY = 5;
    private static final String IMAGES_FOLDER = "core50_128x128";
    private static final Pattern SESSION = Pattern.compile("s(\\d+)");
    private static final Pattern OBJECT = Pattern.compile("o(\\d+)");

    /** The images of one session, labelled by class, and the object each image shows. */
    public record Session(int number, ImageSet images, int[] objects) {}

    private final Path folder;
    private final List<String> classNames;
    private final int[] classOfObject;
    private final Map<Integer, Session> sessions;

    private Core50Files(Path folder, List<String> classNames, int[] classOfObject, Map<Integer, Session> sessions) {
        this.folder = folder;
        this.classNames = List.copyOf(classNames);
        this.classOfObject = classOfObject;
        this.sessions = sessions;
    }

    /** The folder the images were read from ({@code core50_128x128/}). */
    public Path folder() {
        return folder;
    }

    /** The class names, indexed by label: {@code o7 (mobile phone)} for objects, {@code mobile phone} for categories. */
    public List<String> classNames() {
        return classNames;
    }

    /** The label of object {@code o1 .. o50}, or -1 for an object that is not present. */
    public int classOf(int object) {
        return classOfObject[object];
    }

    /** The sessions present, by number, ascending. */
    public Map<Integer, Session> sessions() {
        return sessions;
    }

    /**
     * Reads every {@code frameStep}-th frame of each object in each session, resized (bilinear) to
     * {@code height x width} and labelled by category if {@code categories}, else by object.
     *
     * @param root the folder that holds {@code core50_128x128/}, or that folder itself; {@code null} for
     *     {@code core50/} in {@link Datasets#dataDirectory()}
     * @throws DatasetException when the folder is missing, in another layout, or an image cannot be decoded
     */
    public static Core50Files read(Path root, int height, int width, boolean categories, int frameStep) {
        Path folder = imagesFolder(root != null ? root : Datasets.dataDirectory().resolve("core50"));
        Map<Integer, Path> sessionDirs = numbered(folder, SESSION, SESSIONS, "session");
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
                for (int i = 0; i < frames.size(); i += frameStep) {
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
            if (categories) {
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
            ImageSet images = ImageFolder.load(sessionDirs.get(s.getKey()), paths, labels, classNames, height, width);
            sessions.put(s.getKey(), new Session(s.getKey(), images, objectArray));
        }
        return new Core50Files(folder, classNames, classOfObject, sessions);
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
            if (!name.toLowerCase(Locale.ROOT).endsWith(".png") || !Files.isRegularFile(entry)) {
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
}
