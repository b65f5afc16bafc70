package coursekit.kernel.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a main class of this project in a fresh JVM with the test class path, for what must not run in the test JVM. */
public final class ChildJvm {

    /** What a child JVM printed and how it ended. */
    public record Result(int exitCode, String output) {}

    private ChildJvm() {}

    public static Result run(Path workingDir, List<String> jvmOptions, String mainClass, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Djava.awt.headless=true");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("The child JVM did not end within 5 minutes.");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
