package coursekit.model;

import java.util.List;
import java.util.function.Supplier;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The architectures the course compares, each built by the kit's own preset with random weights (no download),
 * its parameters counted, beside the accuracy its authors or Keras's model table published, with the source.
 */
public final class ModelZoo {

    /** One architecture: how the kit builds it, and what was published for it. */
    public record Entry(String model, String preset, String task, String published, String source, Supplier<Network> build) {}

    private ModelZoo() {}

    /** LeNet-5, the lecture CNN, ResNet-32, MobileNet v1 at widths 0.25, 0.75 and 1.0, and VGG16, all with their tops. */
    public static List<Entry> entries() {
        return List.of(
                new Entry("LeNet-5", "Models.leNet5({1, 32, 32}, 10)", "MNIST digits", "0.95% test error",
                        "LeCun et al. 1998, Gradient-based learning applied to document recognition",
                        () -> Models.leNet5(new long[] {1, 32, 32}, 10)),
                new Entry("lecture CNN", "Models.lectureCnn({3, 150, 150}, 1)", "cats vs dogs, 2,000 photos", "about 70% validation",
                        "the lecture (Chollet, Deep Learning with Python, 5.2)",
                        () -> Models.lectureCnn(new long[] {3, 150, 150}, 1)),
                new Entry("ResNet-32", "Models.resnet32(10)", "CIFAR-10", "7.51% test error",
                        "He et al. 2016, Deep residual learning for image recognition, table 6",
                        () -> Models.resnet32(10)),
                mobilenet(0.25, "49.8%", "TensorFlow models, research/slim mobilenet_v1.md"),
                mobilenet(0.75, "68.4%", "TensorFlow models, research/slim mobilenet_v1.md"),
                mobilenet(1.0, "70.4%", "Keras Applications table (keras.io/api/applications)"),
                new Entry("VGG16", "Vgg16.builder().weights(\"none\").build()", "ImageNet, top-1", "71.3%",
                        "Keras Applications table (keras.io/api/applications)",
                        () -> Vgg16.builder().weights("none").build()));
    }

    private static Entry mobilenet(double alpha, String top1, String source) {
        return new Entry("MobileNet v1 " + alpha, "MobileNet.builder().alpha(" + alpha + ").weights(\"none\").build()",
                "ImageNet, top-1", top1, source, () -> MobileNet.builder().alpha(alpha).weights("none").build());
    }

    /**
     * One row per entry: its name, the preset that builds it, its parameter count as built (each network is
     * closed again at once; VGG16 alone takes about 550 MB while it is counted), and the published figure.
     */
    public static Table table() {
        List<Entry> entries = entries();
        long[] counts = new long[entries.size()];
        for (int i = 0; i < counts.length; i++) {
            try (Network network = entries.get(i).build().get()) {
                counts[i] = network.parameterCount();
            }
        }
        return Table.create("Parameters of the kit's presets, and published accuracies",
                StringColumn.create("model", entries.stream().map(Entry::model)),
                StringColumn.create("preset", entries.stream().map(Entry::preset)),
                LongColumn.create("parameters", counts),
                StringColumn.create("task", entries.stream().map(Entry::task)),
                StringColumn.create("published", entries.stream().map(Entry::published)),
                StringColumn.create("source", entries.stream().map(Entry::source)));
    }
}
