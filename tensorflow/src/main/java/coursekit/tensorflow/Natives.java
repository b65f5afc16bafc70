package coursekit.tensorflow;

import ai.djl.engine.Engine;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts DJL's TensorFlow engine, whose native libraries do not come with the Maven jars that
 * compile against it: Maven unpacks them (see this module's pom.xml) and
 * {@code TENSORFLOW_LIBRARY_PATH} points at them; otherwise DJL downloads them at run time,
 * which fails offline.
 */
final class Natives {

    static final String ENGINE = "TensorFlow";
    static final String VARIABLE = "TENSORFLOW_LIBRARY_PATH";
    static final String LIBRARY = System.mapLibraryName("jnitensorflow");
    /** The natives that match the TensorFlow (2.16.1) that DJL 0.32.0's engine was built against. */
    static final String ARTIFACT = "ai.djl.tensorflow:tensorflow-native-cu121:2.16.1:jar:linux-x86_64";

    private static final String FIX = "unpack the Maven artifact " + ARTIFACT + " (it also runs without a GPU; "
            + "mvn -P tensorflow -pl tensorflow -am verify does it into tensorflow/target/tf-natives) and set "
            + VARIABLE + " to its native/lib folder";

    private Natives() {}

    /** The TensorFlow engine, started now if it was not, or one sentence saying how to get its natives. */
    static Engine engine() {
        String path = System.getProperty(VARIABLE, System.getenv(VARIABLE));
        String problem = check(path, Boolean.getBoolean("ai.djl.offline"));
        if (problem != null) {
            throw new SavedModelException(problem);
        }
        try {
            return Engine.getEngine(ENGINE);
        } catch (RuntimeException | LinkageError e) {
            throw new SavedModelException("DJL's TensorFlow engine did not start (" + e.getMessage() + "); " + FIX + ".", e);
        }
    }

    /**
     * Why the natives cannot be found with {@code libraryPath} (the variable's value, may be null),
     * or null when they can or when DJL may still download them.
     */
    static String check(String libraryPath, boolean offline) {
        if (libraryPath == null || libraryPath.isBlank()) {
            return offline ? "TensorFlow's native libraries are not set up and DJL may not download them (ai.djl.offline=true): "
                    + FIX + "." : null;
        }
        for (String entry : libraryPath.split(File.pathSeparator)) {
            Path dir = Path.of(entry);
            if (Files.isRegularFile(dir.resolve(LIBRARY)) || (Files.isRegularFile(dir) && dir.endsWith(LIBRARY))) {
                return null;
            }
        }
        return VARIABLE + " is " + libraryPath + ", but no " + LIBRARY + " is there: " + FIX + ".";
    }
}
