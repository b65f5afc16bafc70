///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS io.github.coursekit:coursekit-lib:0.1.0-SNAPSHOT
//JAVA_OPTIONS -Xss4m -Djava.awt.headless=true -Dai.djl.offline=true

import coursekit.lab.Labs;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * The lecture's first experiment without Jupyter: the small CNN trained from scratch on the lecture's cats
 * and dogs photos at 150x150 when they are in the data directory ({@code ./kit fetch cats-and-dogs}), else on
 * the embedded 32-pixel set, overfitting after a few epochs. Takes the lab's options, e.g.
 * {@code jbang jbang/ScratchCnn.java --epochs 5 --dropout 0.5}; writes to {@code out/scratch-cnn/}.
 */
public class ScratchCnn {

    public static void main(String[] args) {
        Labs.main(Stream.concat(Stream.of("scratch-cnn"), Arrays.stream(args)).toArray(String[]::new));
    }
}
