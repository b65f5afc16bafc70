package coursekit.augment;

import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * The photometric steps of an {@link Augmenter}, drawn per image and applied after the geometric
 * pass, in this order: down-sampling, contrast, brightness (one factor, or one per channel) and
 * Gaussian noise.
 */
final class RandomPixelSteps {

    /** One image's uniform draws for the steps; always five numbers, whichever steps are set. */
    record Draws(double contrast, double[] brightness, double downsample) {}

    private final AugmenterSettings s;

    RandomPixelSteps(AugmenterSettings settings) {
        this.s = settings;
    }

    /** The draws for one image, taken from {@code random} after the geometric ones. */
    static Draws draw(SplittableRandom random) {
        double uContrast = random.nextDouble();
        double[] uBrightness = {random.nextDouble(), random.nextDouble(), random.nextDouble()};
        double uDownsample = random.nextDouble();
        return new Draws(uContrast, uBrightness, uDownsample);
    }

    /** Whether any step is set; without one, the geometric pass writes the result directly. */
    boolean any() {
        return downsamples() || s.contrastRange > 0 || s.brightness || s.gaussianNoise > 0;
    }

    private boolean downsamples() {
        return s.downsampleLow < 1;
    }

    /**
     * Applies the steps that are set to the HWC image {@code work} in place.
     *
     * @param spare gives a buffer of at least the size asked for, taken only for down-sampling
     * @param noiseSeed the seed of the noise's own stream
     */
    void apply(float[] work, int h, int w, int c, Draws draws, IntFunction<float[]> spare, long noiseSeed) {
        if (downsamples()) {
            Warp.downsample(work, h, w, c, s.downsampleLow + (s.downsampleHigh - s.downsampleLow) * draws.downsample(), spare.apply(h * w * c));
        }
        if (s.contrastRange > 0) {
            Warp.contrast(work, h * w, c, (float) (1 - s.contrastRange + 2 * s.contrastRange * draws.contrast()));
        }
        if (s.brightness) {
            float[] factors = new float[c];
            for (int ch = 0; ch < c; ch++) {
                double u = s.brightnessPerChannel ? draws.brightness()[ch] : draws.brightness()[0];
                factors[ch] = (float) (s.brightnessLow + (s.brightnessHigh - s.brightnessLow) * u);
            }
            Warp.brightness(work, h * w, c, factors);
        }
        if (s.gaussianNoise > 0) {
            Warp.noise(work, h * w * c, s.gaussianNoise, new SplittableRandom(noiseSeed));
        }
    }
}
