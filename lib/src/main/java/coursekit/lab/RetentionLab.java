package coursekit.lab;

import coursekit.cl.AccuracyMatrix;
import coursekit.cl.Comparison;
import coursekit.cl.Core50;
import coursekit.cl.FeatureStream;
import coursekit.cl.HeadTrainer;
import coursekit.cl.Look;
import coursekit.cl.PhotoSessions;
import coursekit.cl.Scenario;
import coursekit.data.ImageSet;
import coursekit.data.Split;
import coursekit.data.TrainTest;
import coursekit.model.Network;
import coursekit.plot.Plots;
import coursekit.train.FeatureSet;
import coursekit.train.Features;
import coursekit.train.FitConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * Retention with a pretrained backbone: a frozen ImageNet MobileNet computes features once per photo, and the
 * lecture's small head learns one session after another, by plain fine-tuning (Naive) and with a replay memory of a
 * few stored features from the past sessions; after each session it is tested on every session's test photos.
 *
 * <p>The sessions are the lecture's cats and dogs photos cut by brightness or colourfulness, or dealt to sessions that
 * each see them with one look (dusk, grey, blur, ...; {@link PhotoSessions}), or, with {@code --dataset core50}, CORe50's own training sessions (its NI protocol, tested on sessions 3, 7, 10).
 * Writes {@code matrices.csv} (every R[i][j]), {@code runs.csv} (the first session's accuracy after it was learned
 * and at the end, the metrics), {@code comparison.md}, {@code comparison.csv} and a heatmap of R per strategy.
 */
public final class RetentionLab {

    static final String NAME = "retention";

    static final Set<String> OPTIONS = Set.of("dataset", "sessions", "split", "memory", "seeds", "cache", "frame-step");

    /** Sessions of the photos: four of 500 training and 250 test photos each on the lecture's set. */
    private static final int SESSIONS = 4;

    /** Stored features of past sessions: 10% of the lecture's 2,000 training photos. */
    private static final int MEMORY = 200;

    /** CORe50's side in pixels (its images are 128x128) and the frames kept (every 10th of its 20 fps videos). */
    private static final int CORE50_SIZE = 128;
    private static final int CORE50_FRAME_STEP = 10;

    private RetentionLab() {}

    static void run(String[] args) {
        Set<String> own = new HashSet<>(Transfer.OPTIONS);
        own.addAll(OPTIONS);
        LabSession session = LabSession.start(NAME, args, own);
        LabArgs options = session.options();
        boolean core50 = options.choice("dataset", "cats-and-dogs", "cats-and-dogs", "core50").equals("core50");
        Transfer transfer = Transfer.from(session);
        int seeds = options.integer("seeds", 1);
        int memory = options.integer("memory", MEMORY);
        LongFunction<Scenario> scenarios = core50 ? core50(session) : photoSessions(session, transfer);
        Scenario first = scenarios.apply(session.seed());
        System.out.println(first);
        List<AccuracyMatrix> runs = new ArrayList<>();
        StringBuilder matrices = new StringBuilder("strategy,seed,after_experience,experience,accuracy\n");
        StringBuilder metrics = new StringBuilder("strategy,seed,first_session_when_learned,first_session_at_end,final_accuracy,"
                + "average_incremental_accuracy,forgetting,backward_transfer,seconds\n");
        try (Network base = transfer.frozenBase(first.imageShape())) {
            Path cache = options.path("cache", session.out().resolve("features"));
            Map<ImageSet, FeatureSet> computed = new IdentityHashMap<>();
            Function<ImageSet, FeatureSet> extract = images -> computed.computeIfAbsent(images, set -> Features.extract(base, set, cache));
            for (int s = 0; s < seeds; s++) {
                long seed = session.seed() + s;
                long started = System.nanoTime();
                FeatureStream stream = FeatureStream.of(s == 0 ? first : scenarios.apply(seed), extract);
                if (s == 0) {
                    System.out.println(String.format(Locale.ROOT, "Features %s of every photo, computed once (or read back from %s) in %.1f s.",
                            java.util.Arrays.toString(stream.train().get(0).featureShape()), cache, LabSession.secondsSince(started)));
                }
                HeadTrainer trainer = trainer(session, transfer, stream, seed);
                for (boolean replay : new boolean[] {false, true}) {
                    long runStarted = System.nanoTime();
                    AccuracyMatrix r = replay ? trainer.replay(stream, memory) : trainer.naive(stream);
                    double seconds = LabSession.secondsSince(runStarted);
                    runs.add(r);
                    ContinualLab.appendMatrix(matrices, r, seed);
                    metrics.append(String.format(Locale.ROOT, "%s,%d,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%.1f%n", ContinualLab.csv(r.strategy()), seed,
                            r.get(0, 0), r.get(r.experiences() - 1, 0), r.finalAccuracy(), r.averageIncrementalAccuracy(), r.forgetting(),
                            r.backwardTransfer(), seconds));
                    System.out.println(r.toTable().printAll());
                    // Rewritten after every run, so a lab stopped half-way still leaves what it finished.
                    ContinualLab.write(session.out().resolve("matrices.csv"), matrices.toString());
                    ContinualLab.write(session.out().resolve("runs.csv"), metrics.toString());
                }
            }
        }
        finish(session, runs);
    }

    /** The lecture's head, trained as fast feature extraction trains it, for the stream's classes. */
    private static HeadTrainer trainer(LabSession session, Transfer transfer, FeatureStream stream, long seed) {
        long[] shape = stream.train().get(0).featureShape();
        int classes = stream.classNames().size();
        FitConfig config = FeatureExtractionLab.headConfig(session, transfer, session.epochs(FeatureExtractionLab.FAST_EPOCHS));
        return HeadTrainer.of(() -> transfer.head(shape, classes), config.seed(seed));
    }

    /**
     * The photos (or the embedded set) cut into sessions by a statistic, or dealt to sessions that each see them with
     * one {@link Look}; the same sessions for every seed.
     */
    private static LongFunction<Scenario> photoSessions(LabSession session, Transfer transfer) {
        refuse(session, "frame-step", "it sets which CORe50 frames are read");
        String split = session.options().choice("split", "brightness", "brightness", "colourfulness", "looks");
        int sessions = session.options().integer("sessions", SESSIONS);
        Look[] looks = Look.values();
        if (split.equals("looks") && sessions > looks.length) {
            throw new LabException("--split looks has " + looks.length + " looks " + java.util.Arrays.toString(looks) + ", so --sessions "
                    + "is at most " + looks.length + ", but got " + sessions + ".");
        }
        Split data = transfer.data(session);
        TrainTest photos = new TrainTest(data.train(), data.test());
        Scenario scenario = switch (split) {
            case "looks" -> PhotoSessions.restyled(photos, java.util.Arrays.copyOf(looks, sessions));
            case "colourfulness" -> PhotoSessions.split(photos, sessions, PhotoSessions.Statistic.COLOURFULNESS);
            default -> PhotoSessions.split(photos, sessions, PhotoSessions.Statistic.BRIGHTNESS);
        };
        return seed -> scenario;
    }

    /** CORe50 from {@code --data} (or the data directory), its training sessions in a seeded order (NI). */
    private static LongFunction<Scenario> core50(LabSession session) {
        refuse(session, "sessions", "CORe50 has its own sessions");
        refuse(session, "split", "CORe50 has its own sessions");
        LabArgs options = session.options();
        int size = options.integer("size", CORE50_SIZE);
        Core50.Builder builder = Core50.builder().imageSize(size, size).frameStep(options.integer("frame-step", CORE50_FRAME_STEP));
        if (options.has("data")) {
            builder.folder(options.path("data", null));
        }
        Core50 data = builder.build();
        System.out.println("Data: " + data + ".");
        return data::ni;
    }

    private static void refuse(LabSession session, String option, String why) {
        if (session.options().has(option)) {
            throw new LabException("Option --" + option + " does not apply to --dataset " + session.options().string("dataset", "cats-and-dogs")
                    + ": " + why + ".");
        }
    }

    /** The comparison over seeds, the heatmaps of the first seed, and what the first session kept, in words. */
    private static void finish(LabSession session, List<AccuracyMatrix> runs) {
        Comparison comparison = Comparison.of(runs);
        ContinualLab.write(session.out().resolve("comparison.md"), comparison.toMarkdown());
        java.io.StringWriter table = new java.io.StringWriter();
        comparison.toTable().write().csv(table);
        ContinualLab.write(session.out().resolve("comparison.csv"), table.toString());
        List<String> heatmaps = new ArrayList<>();
        for (AccuracyMatrix r : runs.subList(0, 2)) {
            String file = "R-" + ContinualLab.slug(r.strategy()) + ".png";
            Plots.accuracyMatrix(r).save(session.out().resolve(file));
            heatmaps.add(file);
        }
        System.out.println(comparison.toMarkdown());
        for (String strategy : comparison.strategies()) {
            List<AccuracyMatrix> own = runs.stream().filter(r -> r.strategy().equals(strategy)).toList();
            int last = own.get(0).experiences() - 1;
            double learned = own.stream().mapToDouble(r -> r.get(0, 0)).average().orElse(Double.NaN);
            double end = own.stream().mapToDouble(r -> r.get(last, 0)).average().orElse(Double.NaN);
            System.out.println(String.format(Locale.ROOT, "%s: the first session's test photos were %.1f%% right when it was learned and "
                    + "%.1f%% after the last session (%+.1f points); forgetting over all earlier sessions %.1f points, final average "
                    + "accuracy %.1f%%.", strategy, 100 * learned, 100 * end, 100 * (end - learned),
                    100 * comparison.stat(strategy, Comparison.FORGETTING).mean(), 100 * comparison.stat(strategy, Comparison.FINAL).mean()));
        }
        System.out.println("Wrote matrices.csv, runs.csv, comparison.md, comparison.csv and " + String.join(", ", heatmaps) + " (seed "
                + session.seed() + ") to " + session.out() + ".");
    }
}
