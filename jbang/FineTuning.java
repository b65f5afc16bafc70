///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS io.github.coursekit:coursekit-lib:0.1.0-SNAPSHOT
//JAVA_OPTIONS -Xss4m -Djava.awt.headless=true -Dai.djl.offline=true

import coursekit.lab.Labs;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * Fine-tuning without Jupyter: a head trained on the frozen ImageNet MobileNet, then its top blocks
 * unfrozen and trained with the head at lower, per-layer learning rates; on the lecture's photos when they are
 * in the data directory, else on the embedded 32-pixel set. Takes the lab's options, e.g.
 * {@code jbang jbang/FineTuning.java --epochs 5}; writes to {@code out/fine-tuning/}. Downloads the pretrained
 * weights once on first use (see docs/downloads.md).
 */
public class FineTuning {

    public static void main(String[] args) {
        Labs.main(Stream.concat(Stream.of("fine-tuning"), Arrays.stream(args)).toArray(String[]::new));
    }
}
