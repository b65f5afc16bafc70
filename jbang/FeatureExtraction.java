///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS io.github.coursekit:coursekit-lib:0.1.0-SNAPSHOT
//JAVA_OPTIONS -Xss4m -Djava.awt.headless=true -Dai.djl.offline=true

import coursekit.lab.Labs;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * Feature extraction without Jupyter: the ImageNet MobileNet, frozen, with a new head trained fast on
 * cached features and end to end on augmented images; on the lecture's photos when they are in the data
 * directory, else on the embedded 32-pixel set. Takes the lab's options, e.g.
 * {@code jbang jbang/FeatureExtraction.java --mode fast}; writes to {@code out/feature-extraction/}. Downloads the
 * pretrained weights once on first use (see docs/downloads.md).
 */
public class FeatureExtraction {

    public static void main(String[] args) {
        Labs.main(Stream.concat(Stream.of("feature-extraction"), Arrays.stream(args)).toArray(String[]::new));
    }
}
