package coursekit.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coursekit.data.ImageSet;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Random augmentation: reproducible by seed, within its ranges, labels untouched, settings checked. */
class AugmenterTest {

    private static final ImageSet NOISE = Images.noise(40, 24, 24, 11);

    /** The lecture's generator. */
    private static Augmenter.Builder lecture() {
        return Augmenter.builder().rotationRange(40).widthShiftRange(0.2).heightShiftRange(0.2).shearRange(0.2)
                .zoomRange(0.2).horizontalFlip(true).fillMode(FillMode.NEAREST);
    }

    /** Every transform at once. */
    private static Augmenter everything(long seed) {
        return lecture().verticalFlip(true).cropScaleRange(0.5, 1).contrastRange(0.3).brightnessRange(0.7, 1.3)
                .brightnessPerChannel(true).gaussianNoise(5).downsampleRange(0.5, 1).seed(seed).build();
    }

    private static String build(Augmenter.Builder builder) {
        return assertThrows(IllegalArgumentException.class, builder::build).getMessage();
    }

    @Test
    void theLecturePresetDrawsWhatTheLecturesSettingsDraw() {
        assertTrue(Images.samePixels(lecture().seed(9).build().augment(NOISE, 2), Augmenter.lecture(9).augment(NOISE, 2)));
    }

    @Test
    void theSameSeedGivesTheSameImages() {
        assertTrue(Images.samePixels(everything(5).augment(NOISE, 3), everything(5).augment(NOISE, 3)));
    }

    @Test
    void aDifferentSeedGivesDifferentImages() {
        assertFalse(Images.samePixels(everything(5).augment(NOISE, 3), everything(6).augment(NOISE, 3)));
    }

    @Test
    void eachEpochDrawsAnew() {
        Augmenter augmenter = everything(5);

        assertFalse(Images.samePixels(augmenter.augment(NOISE, 0), augmenter.augment(NOISE, 1)));
    }

    @Test
    void labelsAndClassNamesNeverChange() {
        ImageSet augmented = everything(1).augment(NOISE, 2);

        assertArrayEquals(NOISE.labels(), augmented.labels());
        assertEquals(NOISE.classNames(), augmented.classNames());
        assertEquals(NOISE.size(), augmented.size());
        assertArrayEquals(NOISE.imageShape(), augmented.imageShape());
    }

    @Test
    void anImageDrawsTheSameWhateverBatchItIsIn() {
        Augmenter augmenter = everything(9);
        int plane = 3 * 24 * 24;

        float[] batch = augmenter.channelsFirst(NOISE, new int[] {4, 17, 2, 30}, 7);
        float[] alone = augmenter.channelsFirst(NOISE, new int[] {17}, 7);

        assertArrayEquals(alone, Arrays.copyOfRange(batch, plane, 2 * plane));
    }

    @Test
    void aParallelBatchEqualsImagesAugmentedOneByOne() {
        Augmenter augmenter = everything(3);
        int[] all = new int[NOISE.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = all.length - 1 - i;
        }
        int plane = 3 * 24 * 24;

        float[] batch = augmenter.channelsFirst(NOISE, all, 1);

        for (int n = 0; n < all.length; n++) {
            float[] one = augmenter.channelsFirst(NOISE, new int[] {all[n]}, 1);
            assertArrayEquals(one, Arrays.copyOfRange(batch, n * plane, (n + 1) * plane), "image " + all[n]);
        }
    }

    @Test
    void versionsAreWhatFitFeedsForThatImageEpochByEpoch() {
        Augmenter augmenter = everything(4);
        int plane = 24 * 24;

        ImageSet versions = augmenter.versions(NOISE, 5, 3);

        for (int epoch = 0; epoch < 3; epoch++) {
            float[] fed = augmenter.channelsFirst(NOISE, new int[] {5}, epoch, 1f);
            for (int p = 0; p < plane; p += 37) {
                assertEquals(Math.round(fed[2 * plane + p]), versions.pixel(epoch, p / 24, p % 24, 2), "epoch " + epoch);
            }
        }
        assertEquals(NOISE.label(5), versions.label(2));
    }

    @Test
    void anAugmenterWithNothingSetChangesNothing() {
        Augmenter none = Augmenter.builder().seed(1).build();

        assertTrue(Images.samePixels(NOISE, none.augment(NOISE, 4)));
    }

    @Test
    void drawsStayWithinTheirRanges() {
        Augmenter augmenter = lecture().seed(2).build();
        int flips = 0;
        for (int i = 0; i < 400; i++) {
            AffineTransform t = augmenter.randomTransform(150, 100, 0, i);
            assertTrue(Math.abs(t.theta()) <= 40, t.toString());
            assertTrue(Math.abs(t.tx()) <= 0.2 * 100, t.toString());
            assertTrue(Math.abs(t.ty()) <= 0.2 * 150, t.toString());
            assertTrue(Math.abs(t.shear()) <= 0.2, t.toString());
            assertTrue(t.zx() >= 0.8 && t.zx() <= 1.2 && t.zy() >= 0.8 && t.zy() <= 1.2, t.toString());
            assertFalse(t.flipVertical());
            flips += t.flipHorizontal() ? 1 : 0;
        }
        assertTrue(flips > 150 && flips < 250, "flips: " + flips);
    }

    @Test
    void theAugmentedImageIsItsDrawnTransformApplied() {
        Augmenter augmenter = lecture().seed(8).build();

        for (int i = 0; i < 5; i++) {
            ImageSet one = NOISE.subset(i);
            AffineTransform drawn = augmenter.randomTransform(24, 24, 6, i);
            assertTrue(Images.samePixels(drawn.apply(one, FillMode.NEAREST), augmenter.augment(NOISE, 6).subset(i)), "image " + i);
        }
    }

    @Test
    void aRandomWidthShiftMovesTheContentByTheDrawnAmount() {
        ImageSet dot = Images.dot(21, 41, 10, 20);
        Augmenter augmenter = Augmenter.builder().widthShiftRange(0.25).fillMode(FillMode.CONSTANT).seed(4).build();

        for (long epoch = 0; epoch < 5; epoch++) {
            double tx = augmenter.randomTransform(21, 41, epoch, 0).tx();
            double[] centre = Images.centroid(augmenter.augment(dot, epoch), 0);
            assertTrue(Math.abs(tx) <= 0.25 * 41);
            assertEquals(20 - tx, centre[1], 0.05, "epoch " + epoch);
            assertEquals(10, centre[0], 1e-9);
        }
    }

    @Test
    void turningOnAPixelStepDoesNotChangeTheGeometricDraws() {
        Augmenter plain = lecture().seed(12).build();
        Augmenter noisy = lecture().gaussianNoise(3).contrastRange(0.1).seed(12).build();

        assertEquals(plain.randomTransform(32, 32, 1, 5), noisy.randomTransform(32, 32, 1, 5));
    }

    @Test
    void rescaleMultipliesTheChannelFirstBatch() {
        ImageSet image = Images.of(1, 2, 3, 3, (n, r, c, ch) -> 10 * r + 3 * c + ch + 1);
        Augmenter augmenter = Augmenter.builder().rescale(1.0 / 255).seed(1).build();

        float[] batch = augmenter.channelsFirst(image, new int[] {0}, 0);

        // Channel-first: channel, then row, then column.
        assertEquals(18, batch.length);
        assertEquals((10 * 1 + 3 * 2 + 2 + 1) / 255f, batch[2 * 6 + 1 * 3 + 2], 1e-7);
        assertEquals(1 / 255f, batch[0], 1e-7);
    }

    @Test
    void withoutRescaleTheBatchHoldsPixelLevels() {
        float[] batch = Augmenter.builder().seed(1).build().channelsFirst(Images.gray(2, 2, (n, r, c, ch) -> 200), new int[] {0}, 0);

        assertArrayEquals(new float[] {200, 200, 200, 200}, batch);
    }

    @Test
    void aRandomCropEnlargesTheContent() {
        // A horizontal ramp rising 4 levels per column; half the area at ratio 1 is a 45x45 box, stretched to 64x64.
        ImageSet ramp = Images.gray(64, 64, (n, r, c, ch) -> 4 * c);
        Augmenter augmenter = Augmenter.builder().cropScaleRange(0.5, 0.5).cropRatioRange(1, 1).seed(3).build();

        ImageSet cropped = augmenter.augment(ramp, 0);

        double slope = (cropped.pixel(0, 32, 50, 0) - cropped.pixel(0, 32, 10, 0)) / 40.0;
        assertEquals(4 * 45 / 64.0, slope, 0.03);
    }

    @Test
    void theSeedComesFromTheKitSequenceWhenNotSet() {
        coursekit.engine.Seeds.set(77);
        long first = Augmenter.builder().build().seed();
        coursekit.engine.Seeds.set(77);

        assertEquals(first, Augmenter.builder().build().seed());
    }

    @Test
    void rotationRangeOutsideZeroTo180IsRejectedWithTheValue() {
        assertEquals("rotationRange must be in [0, 180], but got rotationRange=-5.", build(Augmenter.builder().rotationRange(-5)));
        assertEquals("rotationRange must be in [0, 180], but got rotationRange=270.", build(Augmenter.builder().rotationRange(270)));
    }

    @Test
    void aNegativeShiftRangeIsRejectedWithTheValue() {
        assertTrue(build(Augmenter.builder().widthShiftRange(-0.1)).endsWith("but got widthShiftRange=-0.1."));
        assertTrue(build(Augmenter.builder().heightShiftRange(Double.NaN)).endsWith("but got heightShiftRange=NaN."));
    }

    @Test
    void aZoomRangeOfOneOrMoreIsRejected() {
        assertEquals("zoomRange must be a float in [0, 1) or two factors with 0 < lower <= upper, but got zoomRange=[-0.5, 2.5].",
                build(Augmenter.builder().zoomRange(1.5)));
        assertTrue(build(Augmenter.builder().zoomRange(1.2, 0.8)).endsWith("zoomRange=[1.2, 0.8]."));
    }

    @Test
    void otherBadSettingsAreRejectedWithTheirValues() {
        assertTrue(build(Augmenter.builder().shearRange(95)).endsWith("shearRange=95."));
        assertTrue(build(Augmenter.builder().cval(300)).endsWith("cval=300."));
        assertTrue(build(Augmenter.builder().interpolationOrder(3)).endsWith("interpolationOrder=3."));
        assertTrue(build(Augmenter.builder().fillMode(null)).endsWith("fillMode=null."));
        assertTrue(build(Augmenter.builder().contrastRange(1.5)).endsWith("contrastRange=1.5."));
        assertTrue(build(Augmenter.builder().brightnessRange(1.5, 0.5)).endsWith("brightnessRange=[1.5, 0.5]."));
        assertTrue(build(Augmenter.builder().gaussianNoise(-1)).endsWith("gaussianNoise=-1."));
        assertTrue(build(Augmenter.builder().downsampleRange(0, 1)).endsWith("downsampleRange=[0, 1]."));
        assertTrue(build(Augmenter.builder().cropScaleRange(0.5, 2)).endsWith("cropScaleRange=[0.5, 2]."));
    }

    @Test
    void fillModesHaveKerasNames() {
        assertEquals(FillMode.REFLECT, FillMode.of("reflect"));
        assertEquals("nearest", FillMode.NEAREST.kerasName());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FillMode.of("mirror")).getMessage().endsWith("fillMode=mirror."));
    }

    @Test
    void toStringListsTheSettingsInKerasTerms() {
        String text = lecture().seed(42).build().toString();

        assertTrue(text.startsWith("Augmenter[rotationRange=40, widthShiftRange=0.2, heightShiftRange=0.2, shearRange=0.2, "
                + "zoomRange=[0.8, 1.2], horizontalFlip=true, fillMode=nearest"), text);
        assertTrue(text.endsWith("seed=42]"), text);
    }
}
