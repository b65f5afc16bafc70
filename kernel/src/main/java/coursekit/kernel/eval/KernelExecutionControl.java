package coursekit.kernel.eval;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Runs JShell's snippets inside the kernel's JVM, each on a fresh thread of the {@link CellRunner}, and
 * keeps the value and the exception of the last one as objects, so they can be rendered and classified
 * (JShell itself reports them only as strings).
 */
final class KernelExecutionControl extends DirectExecutionControl {

    private final CellRunner runner;
    private Object value;
    private boolean hasValue;
    private Throwable failure;
    private Class<?> lastWrapper;

    KernelExecutionControl(SnippetLoader loader, CellRunner runner) {
        super(loader);
        this.runner = runner;
    }

    /** Forgets the last snippet's value and exception; called before each snippet. */
    synchronized void forget() {
        value = null;
        hasValue = false;
        failure = null;
        lastWrapper = null;
    }

    synchronized boolean hasValue() {
        return hasValue;
    }

    synchronized Object value() {
        return value;
    }

    /** What the last snippet threw, as the object itself, or {@code null}. */
    synchronized Throwable failure() {
        return failure;
    }

    /**
     * Sets the static field {@code name} of the last snippet's wrapper class to null, so that the value
     * it held can be collected. Primitive fields hold nothing to collect and stay as they are.
     */
    synchronized void clearField(String name) {
        if (lastWrapper == null) {
            return;
        }
        try {
            Field field = lastWrapper.getDeclaredField(name);
            if (!field.getType().isPrimitive()) {
                field.setAccessible(true);
                field.set(null, null);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // The value then lives as long as the snippet's class; nothing else changes.
        }
    }

    @Override
    protected String invoke(Method doit) throws Exception {
        synchronized (this) {
            lastWrapper = doit.getDeclaringClass();
        }
        CellRunner.Outcome<Object> outcome = runner.run(() -> doit.invoke(null));
        Throwable thrown = outcome.failure();
        if (thrown instanceof InvocationTargetException && thrown.getCause() != null) {
            thrown = thrown.getCause();
        }
        synchronized (this) {
            failure = thrown;
        }
        if (outcome.stopped() || thrown instanceof CellStopped || thrown instanceof ThreadDeath) {
            throw new ExecutionControl.StoppedException();
        }
        if (thrown != null) {
            // JShell turns this into an EvalException with the snippet's own line numbers.
            throw new InvocationTargetException(thrown);
        }
        synchronized (this) {
            value = outcome.value();
            hasValue = true;
        }
        // JShell wants a string for its own display; the kernel renders the object, so keep this cheap.
        return "";
    }

    @Override
    public void stop() {
        runner.stop(CellRunner.Stop.INTERRUPT);
    }

    /** Hands JShell this one instance. */
    static final class Provider implements ExecutionControlProvider {

        private final KernelExecutionControl control;

        Provider(KernelExecutionControl control) {
            this.control = control;
        }

        @Override
        public String name() {
            return "coursekit";
        }

        @Override
        public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
            return control;
        }
    }
}
