package coursekit.train;

/**
 * How far an epoch has come after one of its batches: what {@link Callback#onBatchEnd} receives.
 *
 * @param batch the batch just trained, counted from 1
 * @param batches the batches in the epoch
 * @param images the images trained on in this epoch so far
 * @param epochImages the images in the epoch
 * @param loss the mean training loss over the epoch so far
 * @param seconds the time since the epoch began
 */
public record BatchProgress(int batch, int batches, long images, long epochImages, double loss, double seconds) {

    /** Images per second so far in this epoch. */
    public double imagesPerSecond() {
        return seconds > 0 ? images / seconds : 0;
    }

    /** Seconds the rest of the epoch's training batches should take at the rate so far. */
    public double secondsLeft() {
        double rate = imagesPerSecond();
        return rate > 0 ? (epochImages - images) / rate : 0;
    }
}
