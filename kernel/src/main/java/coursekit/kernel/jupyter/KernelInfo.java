package coursekit.kernel.jupyter;

import java.util.List;
import java.util.Map;

/** The {@code kernel_info_reply}: the protocol version, this kernel, and Java as the language. */
final class KernelInfo {

    static final String PROTOCOL_VERSION = "5.3";
    static final String IMPLEMENTATION = "coursekit";

    private KernelInfo() {}

    static Map<String, Object> content() {
        String java = Runtime.version().toString();
        String version = KernelInfo.class.getPackage().getImplementationVersion();
        return Messages.ok(
                "protocol_version", PROTOCOL_VERSION,
                "implementation", IMPLEMENTATION,
                "implementation_version", version == null ? "dev" : version,
                "language_info", Messages.map(
                        "name", "java",
                        "version", java,
                        "mimetype", "text/x-java-source",
                        "file_extension", ".jshell",
                        "pygments_lexer", "java",
                        "codemirror_mode", "java",
                        "nbconvert_exporter", "script"),
                "banner", "coursekit Java kernel: JShell on Java " + java + ", with coursekit-lib (import static coursekit.Kit.*)",
                "help_links", List.of(
                        Map.of("text", "Java API", "url", "https://docs.oracle.com/en/java/javase/" + Runtime.version().feature() + "/docs/api/"),
                        Map.of("text", "DJL", "url", "https://javadoc.io/doc/ai.djl/api/latest/index.html")));
    }
}
