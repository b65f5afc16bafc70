package coursekit.tensorflow;

/**
 * How pixel values are scaled before they enter a SavedModel, since an exported Keras model
 * usually leaves Keras's {@code preprocess_input} to its caller.
 */
public enum InputScaling {
    /** Pixel values 0 to 255 as they are: models that rescale inside themselves (a {@code Rescaling} layer). */
    PIXELS,
    /** Values in [0, 1], Keras's {@code rescale=1./255}: the kit's own networks and many small models. */
    UNIT,
    /** Values in [-1, 1], Keras's {@code preprocess_input} mode "tf" (MobileNet, Inception). */
    TF,
    /** BGR 0 to 255 minus the ImageNet means, Keras's mode "caffe" (VGG16, ResNet50). */
    CAFFE;

    /** Keras's ImageNet channel means, in BGR order, on 0-255 values. */
    private static final float[] CAFFE_MEAN_BGR = {103.939f, 116.779f, 123.68f};

    /**
     * Writes image {@code pixels} (height, width, channels; unsigned bytes) into {@code target}
     * from {@code offset} on, scaled, still channels last as TensorFlow wants them.
     */
    void scale(byte[] pixels, int channels, float[] target, int offset) {
        if (this == CAFFE && channels != 3) {
            throw new SavedModelException("Caffe scaling needs RGB images, but these have " + channels
                    + " channel(s); use InputScaling.PIXELS or UNIT for grey images.");
        }
        for (int p = 0; p < pixels.length; p += channels) {
            for (int c = 0; c < channels; c++) {
                float v = pixels[p + c] & 0xff;
                // Caffe mode also reverses RGB to BGR, so channel c takes its value from channel 2 - c.
                target[offset + p + c] = switch (this) {
                    case PIXELS -> v;
                    case UNIT -> v / 255f;
                    case TF -> v / 127.5f - 1f;
                    case CAFFE -> (pixels[p + 2 - c] & 0xff) - CAFFE_MEAN_BGR[c];
                };
            }
        }
    }
}
