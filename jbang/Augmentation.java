///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS io.github.coursekit:coursekit-lib:0.1.0-SNAPSHOT
//JAVA_OPTIONS -Xss4m -Djava.awt.headless=true -Dai.djl.offline=true

import coursekit.lab.Labs;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * The lecture's second experiment without Jupyter: the same small CNN trained on randomly transformed
 * images with dropout 0.5, for the lecture's 100 epochs, and a gallery of augmented images; on the lecture's
 * photos when they are in the data directory, else on the embedded 32-pixel set. Takes the lab's
 * options, e.g. {@code jbang jbang/Augmentation.java --epochs 30}; writes to {@code out/augmentation/}.
 */
public class Augmentation {

    public static void main(String[] args) {
        Labs.main(Stream.concat(Stream.of("augmentation"), Arrays.stream(args)).toArray(String[]::new));
    }
}
