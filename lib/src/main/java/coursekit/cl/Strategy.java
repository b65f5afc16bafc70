package coursekit.cl;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A continual-learning method as the trainer runs it: a name and the plugins that make it differ
 * from fine-tuning. Avalanche calls the loop and its plugins together a strategy; here the loop is
 * one class ({@link ContinualTrainer}) and a strategy is only what varies, so a new method is a
 * plugin and never a copy of the loop. The plugins are made afresh for every run, so one strategy
 * can run over several seeds.
 */
public final class Strategy {

    private final String name;
    private final List<Supplier<? extends Plugin>> plugins;
    private final boolean taskIncremental;

    private Strategy(String name, List<Supplier<? extends Plugin>> plugins, boolean taskIncremental) {
        this.name = name;
        this.plugins = List.copyOf(plugins);
        this.taskIncremental = taskIncremental;
    }

    /**
     * A strategy named {@code name} made of the plugins {@code plugins} build, in that order (the
     * loss passes through them in order).
     */
    @SafeVarargs
    public static Strategy of(String name, Supplier<? extends Plugin>... plugins) {
        return new Strategy(name, List.of(plugins), false);
    }

    /** This strategy, declared able to train on task-incremental scenarios (its plugins work within one task's head). */
    public Strategy supportingTaskIncremental() {
        return new Strategy(name, plugins, true);
    }

    public String name() {
        return name;
    }

    /** Whether the strategy can train on task-incremental scenarios. */
    public boolean taskIncremental() {
        return taskIncremental;
    }

    /** Fresh plugins for one run. */
    List<Plugin> newPlugins() {
        List<Plugin> made = new ArrayList<>();
        for (Supplier<? extends Plugin> supplier : plugins) {
            made.add(supplier.get());
        }
        return made;
    }

    @Override
    public String toString() {
        return name;
    }
}
