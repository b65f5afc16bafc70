///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS io.github.coursekit:coursekit-lib:0.1.0-SNAPSHOT
//JAVA_OPTIONS -Xss4m -Djava.awt.headless=true -Dai.djl.offline=true

import coursekit.lab.Labs;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * iCaRL on Split-MNIST without Jupyter: exemplars chosen by herding and at random, against Naive and
 * LwF. Takes the lab's options, e.g. {@code jbang jbang/Icarl.java --memory 500}; writes to {@code out/icarl/}.
 */
public class Icarl {

    public static void main(String[] args) {
        Labs.main(Stream.concat(Stream.of("icarl"), Arrays.stream(args)).toArray(String[]::new));
    }
}
