package coursekit.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import coursekit.data.Batches;
import coursekit.data.ImageSet;
import coursekit.engine.Seeds;
import coursekit.model.Models;
import coursekit.model.Network;
import coursekit.train.Fit;
import coursekit.train.FitConfig;
import coursekit.train.GradientStep;
import coursekit.train.Losses;
import coursekit.train.Optimizer;
import coursekit.train.Optimizers;
import coursekit.train.Samples;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Times one training step of the lecture CNN (batch 32, RMSprop 1e-4) as {@link Fit#fit} runs it,
 * and checks that memory stays flat over a long fit.
 *
 * <pre>
 * TrainStepBench step   [--sizes 64,150] [--warmup 5] [--steps64 30] [--steps150 15] [--repeats 3]
 * TrainStepBench memory [--epochs 20] [--images 1024]
 * </pre>
 *
 * <p>Lines starting with {@code RESULT} are read by {@code bench/run.sh}; bench/pytorch_step.py
 * prints the same lines for the same network in Python PyTorch.
 */
public final class TrainStepBench {

    private static final int BATCH = 32;
    /** Phases of one step; "update" is {@link Optimizer#apply}: every weight updated and its gradient cleared. */
    private static final String[] PHASES = {"batch", "forward", "backward", "loss_sync", "update"};

    private TrainStepBench() {}

    public static void main(String[] args) {
        String mode = args.length > 0 ? args[0] : "step";
        Map<String, String> options = options(Arrays.copyOfRange(args, Math.min(1, args.length), args.length));
        printEnvironment();
        if (mode.equals("step")) {
            int warmup = Integer.parseInt(options.getOrDefault("warmup", "5"));
            int repeats = Integer.parseInt(options.getOrDefault("repeats", "3"));
            for (String size : options.getOrDefault("sizes", "64,150").split(",")) {
                int side = Integer.parseInt(size.trim());
                int steps = Integer.parseInt(options.getOrDefault("steps" + side, side >= 128 ? "15" : "30"));
                stepBench(side, warmup, steps, repeats);
            }
        } else if (mode.equals("memory")) {
            memoryBench(Integer.parseInt(options.getOrDefault("epochs", "20")), Integer.parseInt(options.getOrDefault("images", "1024")));
        } else {
            throw new IllegalArgumentException("Unknown mode '" + mode + "'; use step or memory.");
        }
    }

    private static void printEnvironment() {
        Engine engine = Engine.getInstance();
        System.out.printf(Locale.ROOT, "java %s, DJL %s, engine %s, libtorch %s%n", System.getProperty("java.version"),
                Engine.getDjlVersion(), engine.getEngineName(), engine.getVersion());
        System.out.printf(Locale.ROOT, "threads intra-op=%d inter-op=%d (cores=%d)%n", JniUtils.getNumThreads(),
                JniUtils.getNumInteropThreads(), Runtime.getRuntime().availableProcessors());
        System.out.println("RESULT coursekit threads " + JniUtils.getNumThreads());
        System.out.println("LD_PRELOAD=" + System.getenv().getOrDefault("LD_PRELOAD", ""));
    }

    /**
     * Three measurements at one input size: a full {@code Fit.fit} epoch of {@code steps} batches
     * divided by {@code steps} (repeated), the step on a pre-made float batch (no data conversion),
     * and the same step split into phases.
     */
    private static void stepBench(int side, int warmup, int steps, int repeats) {
        Seeds.set(1);
        try (Network network = Models.lectureCnn(new long[] {3, side, side}, 1)) {
            Optimizer optimizer = Optimizers.rmsprop(1e-4);
            FitConfig config = FitConfig.epochs(1).batchSize(BATCH).optimizer(optimizer).seed(1).quiet();
            System.out.printf(Locale.ROOT, "%n== %dx%d, %,d parameters, batch %d, %s ==%n", side, side,
                    network.parameterCount(), BATCH, optimizer.describe());

            Fit.fit(network, randomImages(warmup * BATCH, side, 7), null, config);

            ImageSet train = randomImages(steps * BATCH, side, 11);
            double[] fitMs = new double[repeats];
            for (int r = 0; r < repeats; r++) {
                long started = System.nanoTime();
                Fit.fit(network, train, null, config);
                fitMs[r] = (System.nanoTime() - started) / 1e6 / steps;
            }
            report(side, "fit", fitMs, "Fit.fit epoch of " + steps + " steps / " + steps + ", " + repeats + " epochs");

            Map<String, Parameter> trainable = network.trainableParameters();
            int[] indices = Batches.range(0, BATCH);
            Samples samples = Samples.of(train);
            NDArray x = samples.inputs(network.manager(), indices);
            NDArray y = samples.labels(network.manager(), indices, network.head());
            double[] coreMs = new double[steps];
            for (int s = 0; s < steps; s++) {
                long started = System.nanoTime();
                try (NDScope scope = new NDScope()) {
                    // Fit's own step; Fit passes per-parameter rates, and without rate factors each is the base rate, as null gives.
                    GradientStep.Outcome outcome = GradientStep.run(network, x, logits -> Losses.crossEntropy(network.head(), logits, y),
                            optimizer, trainable, null, () -> "in the benchmark");
                    Losses.correct(network.head(), outcome.logits(), y);
                    scope.suppressNotUsedWarning();
                }
                coreMs[s] = (System.nanoTime() - started) / 1e6;
            }
            report(side, "core", coreMs, "forward+backward+update on a pre-made float batch, per step");
            x.close();
            y.close();

            profile(network, optimizer, trainable, train, side);
        }
    }

    /**
     * The step of Fit, timed phase by phase (libtorch on CPU runs each call synchronously), once per batch of
     * {@code train} in order.
     */
    private static void profile(Network network, Optimizer optimizer, Map<String, Parameter> trainable, ImageSet train, int side) {
        int steps = (train.size() + BATCH - 1) / BATCH;
        double[][] ms = new double[PHASES.length][steps];
        double[] totalMs = new double[steps];
        Samples samples = Samples.of(train);
        int s = 0;
        for (int[] indices : Batches.inOrder(train.size(), BATCH)) {
            try (NDScope scope = new NDScope()) {
                long t0 = System.nanoTime();
                NDArray x = samples.inputs(network.manager(), indices);
                NDArray y = samples.labels(network.manager(), indices, network.head());
                long t1 = System.nanoTime();
                NDArray logits;
                NDArray loss;
                long t2;
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    logits = network.logits(x, true);
                    loss = Losses.crossEntropy(network.head(), logits, y);
                    t2 = System.nanoTime();
                    collector.backward(loss);
                }
                long t3 = System.nanoTime();
                loss.getFloat();
                Losses.correct(network.head(), logits, y);
                long t4 = System.nanoTime();
                optimizer.apply(trainable, null);
                long t5 = System.nanoTime();
                long[] marks = {t0, t1, t2, t3, t4, t5};
                for (int p = 0; p < PHASES.length; p++) {
                    ms[p][s] = (marks[p + 1] - marks[p]) / 1e6;
                }
                totalMs[s] = (t5 - t0) / 1e6;
                scope.suppressNotUsedWarning();
            }
            s++;
        }
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "RESULT coursekit %d profile", side));
        for (int p = 0; p < PHASES.length; p++) {
            line.append(String.format(Locale.ROOT, " %s=%.2f", PHASES[p], median(ms[p])));
        }
        line.append(String.format(Locale.ROOT, " total=%.2f", median(totalMs)));
        System.out.println("  phases (median ms over " + steps + " steps):");
        System.out.println(line);
    }

    /** Trains the 64x64 model for {@code epochs} epochs and records process RSS and live heap after each. */
    private static void memoryBench(int epochs, int images) {
        Seeds.set(1);
        List<long[]> rows = new ArrayList<>();
        try (Network network = Models.lectureCnn(new long[] {3, 64, 64}, 1)) {
            FitConfig config = FitConfig.epochs(epochs).batchSize(BATCH).optimizer(Optimizers.rmsprop(1e-4)).seed(1)
                    .progress(line -> {
                        long rssKb = rssKb();
                        System.gc();
                        Runtime runtime = Runtime.getRuntime();
                        long heapKb = (runtime.totalMemory() - runtime.freeMemory()) / 1024;
                        rows.add(new long[] {rows.size() + 1, rssKb, heapKb});
                        System.out.println(line);
                    });
            System.out.printf(Locale.ROOT, "%n== memory: 64x64, %d training + 256 validation images, %d epochs, batch %d ==%n",
                    images, epochs, BATCH);
            Fit.fit(network, randomImages(images, 64, 21), randomImages(256, 64, 22), config);
        }
        System.out.println("epoch  RSS_MiB  heap_MiB (used after System.gc())");
        for (long[] row : rows) {
            System.out.printf(Locale.ROOT, "RESULT coursekit memory epoch=%d rss_mib=%.1f heap_mib=%.1f%n", row[0], row[1] / 1024.0, row[2] / 1024.0);
        }
        if (rows.size() >= 2) {
            long[] second = rows.get(1);
            long[] last = rows.get(rows.size() - 1);
            System.out.printf(Locale.ROOT, "RESULT coursekit memory ratio_last_over_epoch2 rss=%.3f heap=%.3f%n",
                    (double) last[1] / second[1], (double) last[2] / second[2]);
        }
    }

    private static long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("No VmRSS line in /proc/self/status.");
    }

    /** Uniform random bytes and random 0/1 labels. */
    private static ImageSet randomImages(int count, int side, long seed) {
        Random random = new Random(seed);
        byte[] pixels = new byte[count * side * side * 3];
        random.nextBytes(pixels);
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = random.nextInt(2);
        }
        return ImageSet.of(pixels, labels, side, side, 3, List.of("cat", "dog"));
    }

    private static void report(int side, String kind, double[] ms, String what) {
        System.out.printf(Locale.ROOT, "  %s: %s; samples %s%n", kind, what, Arrays.toString(round(ms)));
        System.out.printf(Locale.ROOT, "RESULT coursekit %d %s median_ms=%.2f min_ms=%.2f max_ms=%.2f n=%d%n", side, kind,
                median(ms), Arrays.stream(ms).min().orElse(0), Arrays.stream(ms).max().orElse(0), ms.length);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double[] round(double[] values) {
        return Arrays.stream(values).map(v -> Math.round(v * 10) / 10.0).toArray();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Expected --name value pairs, but got '" + args[i] + "'.");
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }
}
