package coursekit.kernel.install;

import java.nio.file.Path;
import java.util.Locale;

/** Where Jupyter looks for kernelspecs, as {@code jupyter --paths} lists them. */
public final class JupyterPaths {

    private JupyterPaths() {}

    /** The user's kernels folder: {@code $JUPYTER_DATA_DIR/kernels}, else the platform's default. */
    public static Path userKernels() {
        String dataDir = System.getenv("JUPYTER_DATA_DIR");
        if (dataDir != null && !dataDir.isBlank()) {
            return Path.of(dataDir, "kernels");
        }
        String home = System.getProperty("user.home");
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Jupyter", "kernels");
        }
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return Path.of(appData != null ? appData : home, "jupyter", "kernels");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "jupyter", "kernels") : Path.of(home, ".local", "share", "jupyter", "kernels");
    }

    /** The kernels folder of an environment prefix ({@code jupyter kernelspec install --prefix}). */
    public static Path prefixKernels(Path prefix) {
        return prefix.resolve("share").resolve("jupyter").resolve("kernels");
    }
}
