package coursekit.cl;

import coursekit.data.Core50Files;
import coursekit.data.Core50Files.Session;
import coursekit.data.ImageSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Builds {@link Core50#nic(int, int, long)}'s NIC-style stream: session-object units dealt into experiences, each
 * object's sessions in time order, network labels in order of arrival.
 */
final class Core50Nic {

    private final Core50 core50;
    private final Core50Files files;

    Core50Nic(Core50 core50, Core50Files files) {
        this.core50 = core50;
        this.files = files;
    }

    /** The stream with {@code firstClasses} classes first, then {@code unitsPerExperience} units per experience; arguments checked by the caller. */
    Scenario scenario(int firstClasses, int unitsPerExperience, long seed) {
        Random random = new Random(seed);
        List<int[]> units = new ArrayList<>();
        for (int s : core50.trainingSessions()) {
            for (int object : new TreeSet<>(Arrays.stream(files.sessions().get(s).objects()).boxed().toList())) {
                units.add(new int[] {object, s});
            }
        }
        List<Integer> shuffledClasses = new ArrayList<>();
        for (int c = 0; c < core50.numClasses(); c++) {
            shuffledClasses.add(c);
        }
        Collections.shuffle(shuffledClasses, random);
        List<int[]> first = new ArrayList<>();
        for (int c : shuffledClasses.subList(0, firstClasses)) {
            List<Integer> objects = units.stream().filter(u -> files.classOf(u[0]) == c).map(u -> u[0]).distinct().toList();
            if (objects.isEmpty()) {
                throw new IllegalArgumentException("Class " + core50.classNames().get(c) + " has no images in the training sessions "
                        + core50.trainingSessions() + " of " + core50.folder() + ", so it cannot start an NIC stream.");
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
        return scenario(experiences, firstClasses, unitsPerExperience, seed);
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

    private Scenario scenario(List<List<int[]>> experiences, int firstClasses, int unitsPerExperience, long seed) {
        int[] networkOf = new int[core50.numClasses()];
        Arrays.fill(networkOf, -1);
        List<Integer> order = new ArrayList<>();
        for (List<int[]> experience : experiences) {
            for (int[] unit : experience) {
                int c = files.classOf(unit[0]);
                if (networkOf[c] < 0) {
                    networkOf[c] = order.size();
                    order.add(c);
                }
            }
        }
        if (order.size() < core50.numClasses()) {
            // Classes with no training images would have no network label; the stream covers only those it brings.
            throw new IllegalArgumentException("Some classes of " + core50.folder() + " have no images in the training sessions "
                    + core50.trainingSessions() + "; NIC needs every class in at least one training session.");
        }
        List<String> names = order.stream().map(core50.classNames()::get).toList();
        ImageSet test = core50.testSet().remap(networkOf, names);
        List<Experience> stream = new ArrayList<>();
        for (int k = 0; k < experiences.size(); k++) {
            List<ImageSet> parts = new ArrayList<>();
            for (int[] unit : experiences.get(k)) {
                Session s = files.sessions().get(unit[1]);
                int[] objects = s.objects();
                parts.add(s.images().subset(IntStream.range(0, objects.length)
                        .filter(i -> objects[i] == unit[0]).toArray()));
            }
            ImageSet train = ImageSet.concat(parts).remap(networkOf, names);
            int[] classes = Core50.present(train);
            int[] only = new int[names.size()];
            Arrays.fill(only, -1);
            for (int c : classes) {
                only[c] = c;
            }
            stream.add(new Experience(k, classes, 0, train, test.remap(only, names)));
        }
        String name = "CORe50 NIC-style, " + core50.level() + " (" + experiences.size() + " experiences: " + firstClasses
                + " classes first, then " + unitsPerExperience + " session-object units each, seed " + seed + ")";
        return new Scenario(name, stream, order.stream().mapToInt(Integer::intValue).toArray(), false, names, test);
    }
}
