package coursekit.tensorflow;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.TensorInfo;
import org.tensorflow.proto.TensorShapeProto;

/**
 * What a SavedModel's {@code saved_model.pb} says about one signature: its image input and its
 * outputs, read in plain Java before any native code runs, so that a wrong folder, tag or
 * signature gets a clear sentence instead of the engine's warning and guess.
 *
 * @param inputShape the input's dimensions, channels last, -1 where any size fits (the batch)
 * @param outputs output names in the sorted order in which DJL's engine returns them
 */
record SavedModelInfo(Path dir, String tag, String signature, String inputName, long[] inputShape, List<String> outputs) {

    static final String FILE = "saved_model.pb";

    /** Reads {@code dir/saved_model.pb} and checks that {@code signature} under {@code tag} takes one float image batch. */
    static SavedModelInfo read(Path dir, String tag, String signature) {
        SavedModel model = parse(dir);
        MetaGraphDef graph = null;
        List<List<String>> tagSets = new ArrayList<>();
        for (MetaGraphDef candidate : model.getMetaGraphsList()) {
            tagSets.add(candidate.getMetaInfoDef().getTagsList());
            if (candidate.getMetaInfoDef().getTagsList().contains(tag)) {
                graph = candidate;
            }
        }
        if (graph == null) {
            throw new SavedModelException("The SavedModel " + dir + " has no graph tagged '" + tag + "' (its tag sets: "
                    + tagSets + "); pass one of those tags to tag(...).");
        }
        Map<String, SignatureDef> signatures = graph.getSignatureDefMap();
        SignatureDef def = signatures.get(signature);
        if (def == null) {
            throw new SavedModelException("The SavedModel " + dir + " has no signature '" + signature + "' under tag '" + tag
                    + "'; it has " + new TreeMap<>(signatures).keySet() + ": pass one of them to signature(...), "
                    + "or export the model with a serving signature (Keras: model.export(dir)).");
        }
        if (def.getInputsCount() != 1) {
            throw new SavedModelException("Signature '" + signature + "' of " + dir + " takes " + def.getInputsCount()
                    + " inputs " + new TreeMap<>(def.getInputsMap()).keySet() + ", but a feature extractor needs exactly one: the image batch.");
        }
        Map.Entry<String, TensorInfo> input = def.getInputsMap().entrySet().iterator().next();
        TensorInfo info = input.getValue();
        long[] shape = shape(info.getTensorShape());
        if (info.getDtype() != DataType.DT_FLOAT || shape.length != 4) {
            throw new SavedModelException("Input '" + input.getKey() + "' of signature '" + signature + "' in " + dir + " is "
                    + info.getDtype() + " of shape " + describe(shape) + ", but a feature extractor needs float32 images "
                    + "(batch, height, width, channels); export the model with a float image input.");
        }
        List<String> outputs = new ArrayList<>(new TreeMap<>(def.getOutputsMap()).keySet());
        return new SavedModelInfo(dir, tag, signature, input.getKey(), shape, List.copyOf(outputs));
    }

    private static SavedModel parse(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new SavedModelException("There is no folder " + dir.toAbsolutePath() + "; give the folder that Keras's "
                    + "model.export(...) or tf.saved_model.save(...) wrote (it holds saved_model.pb and variables/).");
        }
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new SavedModelException(dir.toAbsolutePath() + " is not a TensorFlow SavedModel: it has no " + FILE + hint(dir)
                    + "; export one from Keras with model.export(\"" + dir.getFileName() + "\").");
        }
        try {
            return SavedModel.parseFrom(Files.readAllBytes(file));
        } catch (InvalidProtocolBufferException e) {
            throw new SavedModelException(file.toAbsolutePath() + " is not a readable SavedModel (" + e.getMessage()
                    + "); export the model again.", e);
        } catch (IOException e) {
            throw new SavedModelException("Cannot read " + file.toAbsolutePath() + " (" + e.getMessage() + ").", e);
        }
    }

    /** Points at the Keras files people most often mistake for a SavedModel. */
    private static String hint(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> name.endsWith(".keras") || name.endsWith(".h5"))
                    .findFirst()
                    .map(name -> " (" + name + " is a Keras file: load it in Keras and call model.export(dir))")
                    .orElse("");
        } catch (IOException e) {
            return "";
        }
    }

    private static long[] shape(TensorShapeProto proto) {
        if (proto.getUnknownRank()) {
            return new long[0];
        }
        return proto.getDimList().stream().mapToLong(TensorShapeProto.Dim::getSize).toArray();
    }

    /** A shape as TensorFlow prints it, with None for free dimensions. */
    static String describe(long[] shape) {
        if (shape.length == 0) {
            return "(unknown)";
        }
        StringBuilder out = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            out.append(i > 0 ? ", " : "").append(shape[i] < 0 ? "None" : Long.toString(shape[i]));
        }
        return out.append(')').toString();
    }

    /** Checks an image batch's height, width and channels against the input; -1 in the model fits any size. */
    void checkImages(int height, int width, int channels) {
        long[] wanted = {inputShape[1], inputShape[2], inputShape[3]};
        long[] given = {height, width, channels};
        for (int i = 0; i < 3; i++) {
            if (wanted[i] >= 0 && wanted[i] != given[i]) {
                throw new SavedModelException("The SavedModel " + dir + " expects images of " + describe(inputShape)
                        + " (batch, height, width, channels), but these are " + height + "x" + width + "x" + channels
                        + (i < 2 ? "; resize them first, e.g. images.resize(" + inputShape[1] + ", " + inputShape[2] + ")."
                                 : "; give images with " + inputShape[3] + " channel(s)."));
            }
        }
    }
}
