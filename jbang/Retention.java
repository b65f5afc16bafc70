///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS io.github.coursekit:coursekit-lib:0.1.0-SNAPSHOT
//JAVA_OPTIONS -Xss4m -Djava.awt.headless=true -Dai.djl.offline=true

import coursekit.lab.Labs;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * Retention with a pretrained backbone without Jupyter: a frozen ImageNet MobileNet and a small head learning the
 * cats and dogs photos one session after another (by brightness, colourfulness or look), with and without replay,
 * tested on every session after each. Takes the lab's options, e.g. {@code jbang jbang/Retention.java --split looks};
 * writes to {@code out/retention/}.
 */
public class Retention {

    public static void main(String[] args) {
        Labs.main(Stream.concat(Stream.of("retention"), Arrays.stream(args)).toArray(String[]::new));
    }
}
