package coursekit.kernel;

import sun.misc.Signal;

/**
 * SIGINT interrupts the running cell instead of ending the JVM, as Jupyter expects of a kernel whose
 * {@code interrupt_mode} is {@code signal}, and as a Ctrl-C in the terminal that started Jupyter needs.
 */
final class Signals {

    private Signals() {}

    static void onInterrupt(Runnable action) {
        try {
            Signal.handle(new Signal("INT"), signal -> action.run());
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError unavailable) {
            // No SIGINT here (or the JVM owns it, with -Xrs): Jupyter's interrupt_request still works.
        }
    }
}
