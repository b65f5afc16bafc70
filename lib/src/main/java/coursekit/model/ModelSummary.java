package coursekit.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A Keras-like summary of a network: one row per layer with its Keras type ({@code Conv2D},
 * {@code MaxPooling2D}, ...), its output shape (batch first, then DJL's channels-first order) and
 * parameter count, and the trainable and frozen totals.
 */
public final class ModelSummary {

    /** One layer's row. */
    public record Row(String layer, String type, String outputShape, long parameters) {}

    private final String name;
    private final List<Row> rows;
    private final long total;
    private final long trainable;

    private ModelSummary(String name, List<Row> rows, long total, long trainable) {
        this.name = name;
        this.rows = List.copyOf(rows);
        this.total = total;
        this.trainable = trainable;
    }

    static ModelSummary of(Network network) {
        List<Row> rows = new ArrayList<>();
        Shape[] shapes = {network.batchShape(1)};
        Layers layers = network.layers();
        List<String> names = layers.names();
        for (int i = 0; i < names.size(); i++) {
            Block block = layers.getChildren().get(i).getValue();
            shapes = block.getOutputShapes(shapes);
            long count = 0;
            for (Pair<String, Parameter> pair : block.getParameters()) {
                count += pair.getValue().getArray().size();
            }
            rows.add(new Row(names.get(i), KerasTypes.of(block), describe(shapes), count));
        }
        return new ModelSummary(network.name(), rows, network.parameterCount(), network.trainableParameterCount());
    }

    private static String describe(Shape[] shapes) {
        List<String> parts = new ArrayList<>();
        for (Shape shape : shapes) {
            StringBuilder text = new StringBuilder("(None");
            for (int d = 1; d < shape.dimension(); d++) {
                text.append(", ").append(shape.get(d));
            }
            parts.add(text.append(')').toString());
        }
        return String.join(", ", parts);
    }

    public List<Row> rows() {
        return rows;
    }

    public long totalParameters() {
        return total;
    }

    public long trainableParameters() {
        return trainable;
    }

    public long nonTrainableParameters() {
        return total - trainable;
    }

    /** The rows as a Tablesaw table (layer, type, output shape, parameters). */
    public Table toTable() {
        return Table.create(name,
                StringColumn.create("layer", rows.stream().map(Row::layer)),
                StringColumn.create("type", rows.stream().map(Row::type)),
                StringColumn.create("output_shape", rows.stream().map(Row::outputShape)),
                LongColumn.create("parameters", rows.stream().mapToLong(Row::parameters).toArray()));
    }

    /** The Keras-style text table. */
    @Override
    public String toString() {
        int nameWidth = Math.max(28, rows.stream().mapToInt(r -> r.layer().length() + r.type().length() + 4).max().orElse(0));
        int shapeWidth = Math.max(22, rows.stream().mapToInt(r -> r.outputShape().length() + 2).max().orElse(0));
        String rule = "=".repeat(nameWidth + shapeWidth + 12);
        StringBuilder text = new StringBuilder();
        text.append("Model: \"").append(name).append("\"\n");
        text.append(rule, 0, rule.length()).append('\n');
        text.append(pad("Layer (type)", nameWidth)).append(pad("Output Shape", shapeWidth)).append("Param #\n");
        text.append(rule).append('\n');
        for (Row row : rows) {
            text.append(pad(row.layer() + " (" + row.type() + ")", nameWidth))
                    .append(pad(row.outputShape(), shapeWidth))
                    .append(String.format("%,d", row.parameters()))
                    .append('\n');
        }
        text.append(rule).append('\n');
        text.append(String.format("Total params: %,d%n", total));
        text.append(String.format("Trainable params: %,d%n", trainable));
        text.append(String.format("Non-trainable params: %,d%n", total - trainable));
        text.append("Output shapes are (batch, channels, height, width): channels first, where Keras puts them last.\n");
        return text.toString();
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text + " " : text + " ".repeat(width - text.length());
    }
}
