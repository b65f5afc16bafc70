package coursekit.model;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.stream.IntStream;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Batch normalisation over the channel axis with Keras's names, defaults and frozen behaviour:
 * parameters {@code gamma}, {@code beta}, {@code moving_mean}, {@code moving_variance}; and while
 * {@code gamma} and {@code beta} are frozen it normalises with the moving statistics and leaves
 * them unchanged even in training, as Keras's {@code BatchNormalization} does since TensorFlow 2.
 *
 * <p>DJL's own {@code BatchNorm} uses the batch's statistics (and updates its running ones)
 * whenever {@code training} is true, so a frozen pretrained base would drift while a new head
 * trains; and its constructor is not open to subclasses. This block calls the same
 * {@link BatchNorm#batchNorm} operator and chooses the mode itself.
 *
 * @see <a href="https://arxiv.org/abs/1502.03167">Ioffe and Szegedy 2015, Batch Normalization</a>
 */
public final class BatchNormalization extends AbstractBlock {

    private static final byte VERSION = 1;

    private final float epsilon;
    private final float momentum;
    private final Parameter gamma;
    private final Parameter beta;
    private final Parameter movingMean;
    private final Parameter movingVariance;
    private long channels = -1;

    /** Keras's defaults: epsilon 0.001, momentum 0.99. */
    public BatchNormalization() {
        this(1e-3f, 0.99f);
    }

    /**
     * A batch normalisation with Keras's meaning of {@code momentum}: after each training batch the
     * moving mean becomes {@code momentum * moving + (1 - momentum) * batch}.
     */
    public BatchNormalization(float epsilon, float momentum) {
        super(VERSION);
        if (!(epsilon > 0) || !(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("BatchNormalization needs epsilon > 0 and 0 <= momentum < 1, but got epsilon="
                    + epsilon + ", momentum=" + momentum + ".");
        }
        this.epsilon = epsilon;
        this.momentum = momentum;
        gamma = addParameter(Parameter.builder().setName("gamma").setType(Parameter.Type.GAMMA).build());
        beta = addParameter(Parameter.builder().setName("beta").setType(Parameter.Type.BETA).build());
        movingMean = addParameter(Parameter.builder().setName("moving_mean").setType(Parameter.Type.RUNNING_MEAN)
                .optRequiresGrad(false).build());
        movingVariance = addParameter(Parameter.builder().setName("moving_variance").setType(Parameter.Type.RUNNING_VAR)
                .optRequiresGrad(false).build());
    }

    public float epsilon() {
        return epsilon;
    }

    public float momentum() {
        return momentum;
    }

    /** Whether this layer runs in inference mode during training: its gamma and beta are both frozen. */
    public boolean frozen() {
        return !gamma.requiresGradient() && !beta.requiresGradient();
    }

    /** The parameter Keras calls {@code name}: gamma, beta, moving_mean or moving_variance. */
    public Parameter parameter(String name) {
        Parameter parameter = getParameters().get(name);
        if (parameter == null) {
            throw new IllegalArgumentException("BatchNormalization has no parameter '" + name
                    + "'; it has gamma, beta, moving_mean and moving_variance.");
        }
        return parameter;
    }

    /**
     * One row per channel with what it holds now: the learned scale {@code gamma} and shift
     * {@code beta}, and the moving mean and variance that replace the batch's statistics at inference.
     * Before any training they are 1, 0, 0 and 1.
     */
    public Table statistics() {
        if (!gamma.isInitialized()) {
            throw new IllegalStateException("This BatchNormalization has no values yet: build the network it belongs to first.");
        }
        float[] scale = gamma.getArray().toFloatArray();
        return Table.create("BatchNormalization, per channel",
                IntColumn.create("channel", IntStream.range(0, scale.length).toArray()),
                DoubleColumn.create("gamma", scale),
                DoubleColumn.create("beta", beta.getArray().toFloatArray()),
                DoubleColumn.create("moving_mean", movingMean.getArray().toFloatArray()),
                DoubleColumn.create("moving_variance", movingVariance.getArray().toFloatArray()));
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        Device device = inputs.singletonOrThrow().getDevice();
        boolean batchStatistics = training && !frozen();
        return BatchNorm.batchNorm(inputs.singletonOrThrow(),
                parameterStore.getValue(movingMean, device, batchStatistics),
                parameterStore.getValue(movingVariance, device, batchStatistics),
                parameterStore.getValue(gamma, device, training),
                parameterStore.getValue(beta, device, training),
                1, momentum, epsilon, batchStatistics);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void beforeInitialize(Shape... inputShapes) {
        super.beforeInitialize(inputShapes);
        channels = inputShapes[0].get(1);
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        Shape shape = new Shape(channels);
        gamma.setShape(shape);
        beta.setShape(shape);
        movingMean.setShape(shape);
        movingVariance.setShape(shape);
    }

    @Override
    public String toString() {
        return "BatchNormalization(epsilon=" + epsilon + ", momentum=" + momentum + (frozen() ? ", frozen" : "") + ")";
    }
}
