package coursekit.lab;

import coursekit.Kit;
import coursekit.cl.AccuracyMatrix;
import coursekit.cl.Comparison;
import coursekit.cl.ContinualTrainer;
import coursekit.cl.Core50;
import coursekit.cl.Scenario;
import coursekit.cl.Scenarios;
import coursekit.cl.Strategies;
import coursekit.cl.Strategy;
import coursekit.data.Datasets;
import coursekit.data.TrainTest;
import coursekit.io.AtomicFiles;
import coursekit.model.Models;
import coursekit.plot.Plots;
import coursekit.train.Optimizers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The continual-learning labs on Split-MNIST (or Split-Fashion-MNIST): five experiences of two
 * classes each, a 784-256-256 MLP trained on one experience after another, and the accuracy
 * matrix and metrics of each strategy.
 *
 * <ul>
 *   <li>{@code forgetting}: Naive fine-tuning against Joint training, the catastrophic forgetting
 *       the lecture starts from;
 *   <li>{@code lwf}: Naive against Learning without Forgetting;
 *   <li>{@code icarl}: Naive, LwF and iCaRL with herding and with random exemplars.
 * </ul>
 *
 * With {@code --dataset cifar100 --data DIR} (CIFAR-100's binary files) the labs run the
 * iCIFAR-100 protocol instead: 10 experiences of 10 classes, a ResNet-32, a memory of 2,000
 * exemplars; that needs a GPU.
 *
 * <p>{@code --strategy} replaces a lab's list (e.g. {@code --strategy naive,replay,ewc}) and
 * {@code --seeds 3} repeats every run with seeds {@code --seed}, {@code --seed}+1, ... for mean
 * and standard deviation. {@code --scenario task} cuts the same data into the same experiences
 * but gives each its own head, chosen by the task label at test time (task-incremental learning,
 * the setting LwF was made for); it runs every strategy but CWR* and AR1, each image, exemplars included,
 * trained and tested on its own task's head.
 * {@code --scenario multi-task-nc} runs the CLVision 2020 challenge's Multi-Task-NC track with a
 * head per task: 50 classes in 10, then 8 x 5, on the embedded CORe50 stand-in, or on CORe50
 * itself with {@code --data DIR}.
 */
public final class ContinualLab {

    static final String FORGETTING = "forgetting";
    static final String LWF = "lwf";
    static final String ICARL = "icarl";

    /** The strategy names {@code --strategy} understands. */
    static final List<String> STRATEGIES = List.of("naive", "joint", "cumulative", "replay", "lwf", "icarl-herding", "icarl-random", "ewc", "si",
            "cwr*", "ar1", "ar1-latent");

    /** The {@code --scenario} value of the CLVision 2020 challenge's Multi-Task-NC track. */
    static final String MULTI_TASK_NC = "multi-task-nc";

    /** CORe50 keeps every 10th frame of each video in the lab: neighbouring frames of its 20 fps videos differ little. */
    private static final int CORE50_FRAME_STEP = 10;

    /** The side CORe50's 128x128 frames are read at: 32x32 keeps the MLP of the Multi-Task-NC track small enough for a CPU. */
    private static final int CORE50_SIZE = 32;

    static final Set<String> OPTIONS = Set.of("dataset", "scenario", "strategy", "seeds", "memory", "lambda", "temperature", "ewc-lambda", "si-c",
            "latent-layer");

    /** Training images per class in quick mode (of about 1,200), and test images per class (of about 200). */
    private static final int QUICK_TRAIN_PER_CLASS = 60;
    private static final int QUICK_TEST_PER_CLASS = 20;

    private ContinualLab() {}

    static void forgetting(String[] args) {
        run(FORGETTING, args, "naive,joint");
    }

    static void lwf(String[] args) {
        run(LWF, args, "naive,lwf");
    }

    static void icarl(String[] args) {
        run(ICARL, args, "naive,lwf,icarl-herding,icarl-random");
    }

    private static void run(String lab, String[] args, String defaultStrategies) {
        LabSession session = LabSession.start(lab, args, OPTIONS);
        LabArgs options = session.options();
        String kind = options.choice("scenario", "class", "class", "task", MULTI_TASK_NC);
        boolean multiTask = kind.equals(MULTI_TASK_NC);
        if (multiTask && options.has("dataset")) {
            throw new LabException("--scenario multi-task-nc runs on CORe50 (--data DIR, the folder that holds core50_128x128/) or, "
                    + "without --data, on its embedded stand-in; leave out --dataset.");
        }
        String dataset = multiTask ? (options.has("data") ? "core50" : "core50-stand-in")
                : options.choice("dataset", "mnist", "mnist", "fashion-mnist", "cifar100");
        boolean cifar = dataset.equals("cifar100");
        if (options.has("size")) {
            throw new LabException("Option --size does not apply to lab " + lab + ": it trains on " + (dataset.equals("core50")
                    ? "CORe50's frames at " + CORE50_SIZE + "x" + CORE50_SIZE + ", as it reads them."
                    : (cifar ? "32x32" : "28x28") + " images as they are."));
        }
        if (cifar && !options.has("data")) {
            throw new LabException("--dataset cifar100 needs --data DIR, the folder of CIFAR-100's binary version (train.bin, test.bin).");
        }
        boolean tasks = !kind.equals("class");
        if (tasks && cifar) {
            throw new LabException("--scenario task runs on mnist and fashion-mnist; iCIFAR-100 is class-incremental.");
        }
        int seeds = options.integer("seeds", 1);
        int epochs = session.epochs(5);
        List<Strategy> strategies = strategies(lab, options.string("strategy", defaultStrategies), options, cifar ? 2000 : 200);
        if (tasks) {
            strategies = forTasks(kind, strategies, options.has("strategy"), options);
        }
        Core50 core50 = dataset.equals("core50")
                ? Core50.builder().folder(options.path("data", null)).imageSize(CORE50_SIZE, CORE50_SIZE).frameStep(CORE50_FRAME_STEP).build()
                : null;
        TrainTest data = cifar ? null : core50 != null ? core50.trainTest() : data(options, dataset);
        long[] shape = cifar ? null : data.imageShape();
        ContinualTrainer.Builder trainer = ContinualTrainer.builder(units -> cifar ? Models.resnet32(units)
                        : Models.mlp(shape, units, 256, 256))
                .epochs(epochs)
                .batchSize(options.integer("batch-size", 64))
                .optimizer(Optimizers.adam(options.decimal("lr", 1e-3)));
        String model = cifar ? "a ResNet-32" : "a " + java.util.Arrays.stream(shape).reduce(1, (a, b) -> a * b) + "-256-256 MLP";
        System.out.println("Training " + model + " for " + epochs + " epochs per experience with Adam(lr=" + options.decimal("lr", 1e-3)
                + "), batch " + options.integer("batch-size", 64) + ", on " + Kit.device() + (Kit.quick() ? " (quick mode)" : "") + ".");
        List<AccuracyMatrix> runs = new ArrayList<>();
        StringBuilder matrices = new StringBuilder("strategy,seed,after_experience,experience,accuracy\n");
        StringBuilder metrics = new StringBuilder("strategy,seed,average_incremental_accuracy,final_accuracy,forgetting,backward_transfer,seconds\n");
        for (int s = 0; s < seeds; s++) {
            long seed = session.seed() + s;
            Scenario scenario = cifar ? Scenarios.icifar100(options.path("data", null), 10, seed)
                    : multiTask ? (core50 != null ? core50.multiTaskNc(seed) : Kit.quick() ? Scenarios.multiTaskNc(data, seed)
                            : Scenarios.multiTaskNc(seed))
                    : tasks ? Scenarios.taskIncremental(data, 5, seed) : scenario(data, dataset, seed, options.has("data"));
            System.out.println(scenario);
            for (Strategy strategy : strategies) {
                long started = System.nanoTime();
                AccuracyMatrix r = trainer.seed(seed).build().run(scenario, strategy);
                double seconds = LabSession.secondsSince(started);
                runs.add(r);
                appendMatrix(matrices, r, seed);
                metrics.append(String.format(Locale.ROOT, "%s,%d,%.4f,%.4f,%.4f,%.4f,%.1f%n", csv(r.strategy()), seed,
                        r.averageIncrementalAccuracy(), r.finalAccuracy(), r.forgetting(), r.backwardTransfer(), seconds));
                System.out.println(String.format(Locale.ROOT,
                        "%s, seed %d: average incremental accuracy %.3f, final accuracy %.3f, forgetting %.3f, backward transfer %.3f; %.0f s.",
                        r.strategy(), seed, r.averageIncrementalAccuracy(), r.finalAccuracy(), r.forgetting(), r.backwardTransfer(), seconds));
                System.out.println(r.toTable().printAll());
                // Rewritten after every run, so a lab stopped half-way still leaves what it finished.
                write(session.out().resolve("matrices.csv"), matrices.toString());
                write(session.out().resolve("runs.csv"), metrics.toString());
            }
        }
        Comparison comparison = Comparison.of(runs);
        write(session.out().resolve("comparison.md"), comparison.toMarkdown());
        java.io.StringWriter table = new java.io.StringWriter();
        comparison.toTable().write().csv(table);
        write(session.out().resolve("comparison.csv"), table.toString());
        Plots.accuracyByClassesSeen(runs).save(session.out().resolve("accuracy.png"));
        List<String> heatmaps = new ArrayList<>();
        for (AccuracyMatrix r : runs.subList(0, strategies.size())) {
            String file = "R-" + slug(r.strategy()) + ".png";
            Plots.accuracyMatrix(r).save(session.out().resolve(file));
            heatmaps.add(file);
        }
        System.out.println(comparison.toMarkdown());
        describe(comparison, tasks);
        System.out.println("Wrote matrices.csv, runs.csv, comparison.md, comparison.csv, accuracy.png and " + String.join(", ", heatmaps)
                + " (seed " + session.seed() + ") to " + session.out() + ".");
    }

    private static TrainTest data(LabArgs options, String dataset) {
        TrainTest data;
        if (dataset.equals("core50-stand-in")) {
            data = Datasets.core50StandIn();
        } else if (options.has("data")) {
            Path folder = options.path("data", null);
            data = dataset.equals("mnist") ? Datasets.mnist(folder) : Datasets.fashionMnist(folder);
        } else {
            data = dataset.equals("mnist") ? Datasets.mnist() : Datasets.fashionMnist();
        }
        if (Kit.quick()) {
            data = new TrainTest(data.train().firstPerClass(QUICK_TRAIN_PER_CLASS), data.test().firstPerClass(QUICK_TEST_PER_CLASS));
            System.out.println("Quick mode: " + data.train().size() + " training and " + data.test().size() + " test images.");
        }
        return data;
    }

    private static Scenario scenario(TrainTest data, String dataset, long seed, boolean ownData) {
        if (!ownData && !Kit.quick()) {
            return dataset.equals("mnist") ? Scenarios.splitMnist(seed) : Scenarios.splitFashionMnist(seed);
        }
        return Scenarios.classIncremental(data, 5, seed);
    }

    /**
     * The strategies that train with a head per task; the others are left out with a line saying so, or refused
     * when the student named them.
     */
    private static List<Strategy> forTasks(String kind, List<Strategy> strategies, boolean named, LabArgs options) {
        List<String> without = strategies.stream().filter(s -> !s.taskIncremental()).map(Strategy::name).toList();
        if (without.isEmpty()) {
            return strategies;
        }
        String why = " (they consolidate the rows of one output layer that all classes share)";
        if (named) {
            throw new LabException("--scenario " + kind + " runs " + taskIncrementalNames(options) + ", which train each image on its "
                    + "own task's head; leave out " + String.join(", ", without) + why + ".");
        }
        System.out.println("With a head per task this lab runs " + strategies.stream().filter(Strategy::taskIncremental)
                .map(Strategy::name).toList() + "; left out: " + String.join(", ", without) + why + ".");
        return strategies.stream().filter(Strategy::taskIncremental).toList();
    }

    /** The {@code --strategy} names that train with a head per task, as a sentence lists them. */
    private static String taskIncrementalNames(LabArgs options) {
        List<Strategy> all = strategies("", String.join(",", STRATEGIES), options, 200);
        List<String> names = new ArrayList<>();
        for (int k = 0; k < STRATEGIES.size(); k++) {
            if (all.get(k).taskIncremental()) {
                names.add(STRATEGIES.get(k));
            }
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    /** The strategies named in {@code list} (comma-separated), with the memory and weights the options set. */
    static List<Strategy> strategies(String lab, String list, LabArgs options, int defaultMemory) {
        int memory = options.integer("memory", defaultMemory);
        double lambda = options.decimal("lambda", 1.0);
        double temperature = options.decimal("temperature", 2.0);
        double ewcLambda = options.decimal("ewc-lambda", 10_000);
        Map<String, Strategy> chosen = new LinkedHashMap<>();
        for (String name : list.split(",")) {
            String key = name.trim().toLowerCase(Locale.ROOT);
            Strategy strategy = switch (key) {
                case "naive" -> Strategies.naive();
                case "joint" -> Strategies.joint();
                case "cumulative" -> Strategies.cumulative();
                case "replay" -> Strategies.replay(memory);
                case "lwf" -> Strategies.lwf(lambda, temperature);
                case "icarl-herding" -> Strategies.icarl(memory, Strategies.Selection.HERDING);
                case "icarl-random" -> Strategies.icarl(memory, Strategies.Selection.RANDOM);
                case "ewc" -> Strategies.ewc(ewcLambda);
                case "si" -> Strategies.si(options.decimal("si-c", 10.0), 0.1);
                case "cwr*", "cwr-star" -> Strategies.cwrStar();
                case "ar1" -> Strategies.ar1(options.decimal("si-c", 10.0), 0.1);
                case "ar1-latent" -> Strategies.ar1(options.decimal("si-c", 10.0), 0.1, memory, options.string("latent-layer", "re_lu"));
                default -> throw new LabException("Lab " + lab + " has no strategy '" + name.trim() + "'; --strategy takes a comma-separated list of "
                        + String.join(", ", STRATEGIES) + ".");
            };
            chosen.put(key, strategy);
        }
        return new ArrayList<>(chosen.values());
    }

    /** Says in words what the runs show, against the story the lecture tells. */
    private static void describe(Comparison comparison, boolean tasks) {
        Map<String, Double> finals = new LinkedHashMap<>();
        for (String s : comparison.strategies()) {
            finals.put(s, comparison.stat(s, Comparison.FINAL).mean());
        }
        String naive = comparison.strategies().stream().filter(s -> s.equals("Naive")).findFirst().orElse(null);
        if (naive != null) {
            System.out.println(String.format(Locale.ROOT,
                    "Naive fine-tuning ends at %.1f%% accuracy over all " + (tasks
                            ? "tasks with forgetting %.1f points: with a head per task, what it loses comes from the shared layers, "
                                    + "which the new tasks move."
                            : "classes with forgetting %.1f points: after each experience it answers almost only with the classes it "
                                    + "saw last."),
                    100 * finals.get(naive), 100 * comparison.stat(naive, Comparison.FORGETTING).mean()));
            for (Map.Entry<String, Double> entry : finals.entrySet()) {
                if (!entry.getKey().equals(naive)) {
                    System.out.println(String.format(Locale.ROOT, "%s ends at %.1f%% (%+.1f points against Naive).", entry.getKey(),
                            100 * entry.getValue(), 100 * (entry.getValue() - finals.get(naive))));
                }
            }
        }
    }

    static void appendMatrix(StringBuilder csv, AccuracyMatrix r, long seed) {
        for (int i = 0; i < r.experiences(); i++) {
            for (int j = 0; j < r.experiences(); j++) {
                double v = r.get(i, j);
                csv.append(csv(r.strategy())).append(',').append(seed).append(',').append(i).append(',').append(j).append(',')
                        .append(Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v)).append('\n');
            }
        }
    }

    /** A file-name part: "iCaRL herding (200)" becomes "icarl-herding-200". */
    static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    static String csv(String value) {
        return value.contains(",") ? '"' + value + '"' : value;
    }

    static void write(Path file, String text) {
        AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
    }
}
