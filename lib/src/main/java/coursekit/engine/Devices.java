package coursekit.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Locale;

/**
 * Chooses where tensors live: the first GPU when DJL sees one, else the CPU; the environment
 * variable {@code COURSEKIT_DEVICE} (or system property {@code coursekit.device}) overrides it
 * with {@code cpu}, {@code gpu} or {@code gpu:N}.
 */
public final class Devices {

    public static final String VARIABLE = "COURSEKIT_DEVICE";
    public static final String PROPERTY = "coursekit.device";

    private Devices() {}

    /** The device the kit trains on. */
    public static Device chosen() {
        String wanted = System.getProperty(PROPERTY, System.getenv(VARIABLE));
        if (wanted == null || wanted.isBlank() || wanted.equalsIgnoreCase("auto")) {
            return Engine.getInstance().defaultDevice();
        }
        return parse(wanted.trim().toLowerCase(Locale.ROOT), Engine.getInstance().getGpuCount());
    }

    /** Reads a device setting against the number of GPUs present. */
    static Device parse(String wanted, int gpuCount) {
        if (wanted.equals("cpu")) {
            return Device.cpu();
        }
        if (wanted.equals("gpu") || wanted.startsWith("gpu:")) {
            int index;
            try {
                index = wanted.equals("gpu") ? 0 : Integer.parseInt(wanted.substring(4));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(VARIABLE + "=" + wanted + " is not a device; use cpu, gpu or gpu:N.");
            }
            if (index < 0 || index >= gpuCount) {
                throw new IllegalArgumentException(VARIABLE + "=" + wanted + " asks for GPU " + index + " but "
                        + gpuCount + " GPU(s) are visible to PyTorch; use cpu, or build with -Pcuda on a CUDA machine.");
            }
            return Device.gpu(index);
        }
        throw new IllegalArgumentException(VARIABLE + "=" + wanted + " is not a device; use cpu, gpu or gpu:N.");
    }
}
