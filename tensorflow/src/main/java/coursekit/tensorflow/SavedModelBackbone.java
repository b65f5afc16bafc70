package coursekit.tensorflow;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.training.ParameterStore;
import coursekit.data.ImageSet;
import coursekit.train.FeatureSet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A Keras SavedModel run on DJL's TensorFlow engine as a frozen feature extractor, whose features
 * then train a head on the PyTorch engine with {@code Fit.fit(head, features, ...)}: the lecture's
 * fast feature extraction with, say, VGG16 exported by {@code model.export(dir)}. DJL's TensorFlow
 * engine cannot train, so the base stays frozen.
 *
 * <pre>{@code
 * try (var base = SavedModels.builder(Path.of("vgg16_savedmodel")).scaling(InputScaling.CAFFE).build()) {
 *     FeatureSet train = base.extract(data.train());
 *     FeatureSet validation = base.extract(data.validation());
 *     Network head = Models.classifier(train.featureShape()).pooling("avg").dense(256).outputs(1).build();
 *     History history = Fit.fit(head, train, validation, FitConfig.epochs(30));
 * }
 * }</pre>
 */
public final class SavedModelBackbone implements AutoCloseable {

    private final SavedModelInfo info;
    private final String output;
    private final InputScaling scaling;
    private final int batchSize;
    private final ZooModel<NDList, NDList> model;

    private SavedModelBackbone(SavedModelInfo info, String output, InputScaling scaling, int batchSize, ZooModel<NDList, NDList> model) {
        this.info = info;
        this.output = output;
        this.scaling = scaling;
        this.batchSize = batchSize;
        this.model = model;
    }

    /** Settings for the SavedModel in {@code dir}; {@link Builder#build()} loads it. */
    public static Builder builder(Path dir) {
        return new Builder(dir);
    }

    /** The signature's input shape, channels last, -1 where any size fits: e.g. {-1, 224, 224, 3}. */
    public long[] inputShape() {
        return info.inputShape().clone();
    }

    /** The name of the signature's output that becomes the features. */
    public String output() {
        return output;
    }

    public InputScaling scaling() {
        return scaling;
    }

    /**
     * The model's output for every image, computed now in batches. Outputs with a spatial grid
     * (batch, height, width, channels) come back channels first, (channels, height, width), the
     * layout that the kit's heads pool and flatten.
     */
    public FeatureSet extract(ImageSet images) {
        info.checkImages(images.height(), images.width(), images.channels());
        int outputIndex = info.outputs().indexOf(output);
        // A model exported with a fixed batch size gets full batches; zero images pad the last one.
        boolean fixedBatch = info.inputShape()[0] > 0;
        float[] values = null;
        long[] featureShape = null;
        int stride = 0;
        byte[] image = new byte[images.imageBytes()];
        try (NDManager manager = model.getNDManager().newSubManager()) {
            ParameterStore store = new ParameterStore(manager, false);
            for (int start = 0; start < images.size(); start += batchSize) {
                int count = Math.min(batchSize, images.size() - start);
                int rows = fixedBatch ? batchSize : count;
                float[] batch = new float[rows * image.length];
                for (int i = 0; i < count; i++) {
                    images.copyImage(start + i, image, 0);
                    scaling.scale(image, images.channels(), batch, i * image.length);
                }
                try (NDManager step = manager.newSubManager()) {
                    NDArray input = step.create(batch, new Shape(rows, images.height(), images.width(), images.channels()));
                    NDArray out = model.getBlock().forward(store, new NDList(input), false).get(outputIndex);
                    if (rows > count) {
                        out = out.get(new NDIndex("0:" + count));
                    }
                    if (out.getShape().dimension() == 4) {
                        out = out.transpose(0, 3, 1, 2);
                    }
                    if (values == null) {
                        featureShape = Arrays.copyOfRange(out.getShape().getShape(), 1, out.getShape().dimension());
                        stride = (int) (out.size() / count);
                        values = new float[Math.multiplyExact(stride, images.size())];
                    }
                    System.arraycopy(out.toFloatArray(), 0, values, start * stride, count * stride);
                }
            }
        }
        if (values == null) {
            throw new SavedModelException("There are no images to extract features from; give a non-empty image set.");
        }
        return FeatureSet.of(values, featureShape, images.labels(), images.classNames());
    }

    @Override
    public void close() {
        model.close();
    }

    @Override
    public String toString() {
        return "SavedModelBackbone[" + info.dir() + ", signature " + info.signature() + ", input " + info.inputName()
                + " " + SavedModelInfo.describe(info.inputShape()) + ", output " + output + ", scaling " + scaling + "]";
    }

    /** Settings for loading a SavedModel; every one has the default that fits a Keras {@code model.export(dir)}. */
    public static final class Builder {

        private final Path dir;
        private String tag = "serve";
        private String signature = "serving_default";
        private String output;
        private InputScaling scaling = InputScaling.PIXELS;
        private int batchSize = 32;

        private Builder(Path dir) {
            this.dir = dir;
        }

        /** The meta graph's tag; Keras and {@code tf.saved_model.save} write "serve". */
        public Builder tag(String tag) {
            this.tag = tag;
            return this;
        }

        /** The signature to run; Keras writes "serving_default". */
        public Builder signature(String signature) {
            this.signature = signature;
            return this;
        }

        /** Which output becomes the features, when the signature has more than one. */
        public Builder output(String output) {
            this.output = output;
            return this;
        }

        /** How pixels are scaled on the way in (default {@link InputScaling#PIXELS}: 0 to 255). */
        public Builder scaling(InputScaling scaling) {
            this.scaling = scaling;
            return this;
        }

        /** Images per run of the model (default 32); a model exported with a fixed batch size uses that instead. */
        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** Checks the settings against the SavedModel, then loads it on the TensorFlow engine. */
        public SavedModelBackbone build() {
            if (batchSize <= 0) {
                throw new SavedModelException("The batch size must be a positive whole number. Received: batchSize=" + batchSize);
            }
            if (scaling == null) {
                throw new SavedModelException("Choose an input scaling. Received: scaling=null");
            }
            SavedModelInfo info = SavedModelInfo.read(dir, tag, signature);
            String chosen = output;
            if (chosen == null) {
                if (info.outputs().size() != 1) {
                    throw new SavedModelException("Signature '" + signature + "' of " + dir + " has the outputs " + info.outputs()
                            + "; choose the features with output(name).");
                }
                chosen = info.outputs().get(0);
            } else if (!info.outputs().contains(chosen)) {
                throw new SavedModelException("Signature '" + signature + "' of " + dir + " has no output '" + chosen
                        + "'; it has " + info.outputs() + ". Received: output=" + chosen);
            }
            Natives.engine();
            Criteria<NDList, NDList> criteria = Criteria.builder()
                    .setTypes(NDList.class, NDList.class)
                    .optEngine(Natives.ENGINE)
                    .optModelPath(dir)
                    .optOption("Tags", tag)
                    .optOption("SignatureDefKey", signature)
                    .build();
            try {
                int batch = info.inputShape()[0] > 0 ? (int) info.inputShape()[0] : batchSize;
                return new SavedModelBackbone(info, chosen, scaling, batch, criteria.loadModel());
            } catch (ModelNotFoundException | MalformedModelException | IOException | RuntimeException e) {
                throw new SavedModelException("TensorFlow could not load the SavedModel " + dir + " (" + e.getMessage()
                        + "); check that the export finished and that its variables/ folder is complete.", e);
            }
        }
    }
}
