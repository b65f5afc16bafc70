///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS io.github.coursekit:coursekit-lib:0.1.0-SNAPSHOT
//JAVA_OPTIONS -Xss4m -Djava.awt.headless=true -Dai.djl.offline=true

import coursekit.lab.Labs;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * Catastrophic forgetting without Jupyter: a small network trained on Split-MNIST one experience after
 * another (Naive) against training on everything seen so far (Joint). Takes the lab's options, e.g.
 * {@code jbang jbang/Forgetting.java --seeds 3}; writes to {@code out/forgetting/}.
 */
public class Forgetting {

    public static void main(String[] args) {
        Labs.main(Stream.concat(Stream.of("forgetting"), Arrays.stream(args)).toArray(String[]::new));
    }
}
