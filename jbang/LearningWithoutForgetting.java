///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS io.github.coursekit:coursekit-lib:0.1.0-SNAPSHOT
//JAVA_OPTIONS -Xss4m -Djava.awt.headless=true -Dai.djl.offline=true

import coursekit.lab.Labs;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * Learning without Forgetting on Split-MNIST without Jupyter, against Naive fine-tuning. Takes the
 * lab's options, e.g. {@code jbang jbang/LearningWithoutForgetting.java --lambda 2}; writes to {@code out/lwf/}.
 */
public class LearningWithoutForgetting {

    public static void main(String[] args) {
        Labs.main(Stream.concat(Stream.of("lwf"), Arrays.stream(args)).toArray(String[]::new));
    }
}
