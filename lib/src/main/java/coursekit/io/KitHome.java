package coursekit.io;

import java.nio.file.Path;

/**
 * The kit's folder in the user's home, {@code ~/.coursekit}, where downloads are kept. The home is
 * {@code $HOME} when set, as a shell's {@code ~} is, else Java's {@code user.home} (which Java takes from
 * the account, not from {@code $HOME}).
 */
public final class KitHome {

    private KitHome() {}

    /** The user's home folder. */
    public static Path home() {
        String home = System.getenv("HOME");
        return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"));
    }

    /** {@code ~/.coursekit/NAME}. */
    public static Path folder(String name) {
        return home().resolve(".coursekit").resolve(name);
    }
}
