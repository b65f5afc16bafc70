package coursekit.cl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import coursekit.data.Core50Fixture;
import coursekit.data.ImageSet;
import coursekit.train.FeatureSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureStreamTest {

    /** One feature per image: its mean pixel value. */
    private static FeatureSet means(ImageSet images) {
        float[] values = new float[images.size()];
        for (int i = 0; i < images.size(); i++) {
            values[i] = images.pixel(i, 0, 0, 0);
        }
        return FeatureSet.of(values, new long[] {1}, images.labels(), images.classNames());
    }

    @Test
    void coreFiftysSharedTestSessionsAreExtractedOnce(@TempDir Path dir) throws Exception {
        Scenario ni = Core50.builder().folder(Core50Fixture.write(dir)).imageSize(8, 8).build().ni(42);
        List<ImageSet> extracted = new ArrayList<>();
        FeatureStream stream = FeatureStream.of(ni, images -> {
            extracted.add(images);
            return means(images);
        });
        // Three training sessions (1, 2, 4), and test session 3 once for all of them.
        assertEquals(3, stream.size());
        assertEquals(4, extracted.size());
        assertSame(stream.test().get(0), stream.test().get(2));
        assertEquals(ni.experience(1).train().size(), stream.train().get(1).size());
        assertEquals(ni.classNames(), stream.classNames());
    }
}
