package coursekit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The kit's folders follow $HOME as a shell's ~ does. */
class KitHomeTest {

    @Test
    void theKitsFoldersLieUnderTheHomeTheShellNames() {
        String home = System.getenv("HOME");
        Path expected = home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"));
        assertEquals(expected, KitHome.home());
        assertEquals(expected.resolve(".coursekit").resolve("weights"), KitHome.folder("weights"));
    }
}
