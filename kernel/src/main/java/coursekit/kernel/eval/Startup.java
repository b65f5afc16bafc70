package coursekit.kernel.eval;

import java.util.List;

/**
 * What every notebook starts with: the imports of the {@code jshell} tool's default start-up, the kit's
 * packages, the kit's facade and the notebook functions ({@code display(...)}).
 */
final class Startup {

    static final List<String> IMPORTS = List.of(
            "import java.io.*;",
            "import java.math.*;",
            "import java.net.*;",
            "import java.nio.file.*;",
            "import java.util.*;",
            "import java.util.concurrent.*;",
            "import java.util.function.*;",
            "import java.util.regex.*;",
            "import java.util.stream.*;",
            "import coursekit.data.*;",
            "import coursekit.model.*;",
            "import coursekit.plot.*;",
            "import coursekit.train.*;",
            "import static coursekit.Kit.*;",
            "import coursekit.check.Checks;",
            "import static coursekit.check.Checks.check;",
            "import static coursekit.check.Checks.checkAll;",
            "import static coursekit.kernel.Notebook.*;");

    private Startup() {}
}
