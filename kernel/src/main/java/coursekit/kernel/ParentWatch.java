package coursekit.kernel;

import java.util.Optional;

/**
 * Ends the kernel when the Jupyter process that started it ({@code JPY_PARENT_PID}) is gone, so a
 * crashed notebook server does not leave JVMs behind.
 */
final class ParentWatch {

    private ParentWatch() {}

    static void exitWhenParentDies() {
        String pid = System.getenv("JPY_PARENT_PID");
        if (pid == null || !pid.matches("\\d+") || Long.parseLong(pid) <= 1) {
            return;
        }
        Optional<ProcessHandle> parent = ProcessHandle.of(Long.parseLong(pid));
        if (parent.isEmpty()) {
            return;
        }
        Thread watch = new Thread(() -> {
            while (parent.get().isAlive()) {
                try {
                    Thread.sleep(3000);
                } catch (InterruptedException e) {
                    return;
                }
            }
            System.err.println("coursekit kernel: Jupyter (pid " + pid + ") is gone; exiting.");
            System.exit(0);
        }, "coursekit-parent-watch");
        watch.setDaemon(true);
        watch.start();
    }
}
