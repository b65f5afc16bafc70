package coursekit.train;

import java.io.Console;
import java.util.ServiceLoader;

/**
 * Shows a run of {@link Fit#fit} as it goes: a {@link Callback} that {@code fit} calls before any other, and
 * that also shows the lines other callbacks {@linkplain Training#say say}. Which one a run gets unless its
 * config names one ({@link FitConfig#progress}): in a notebook of the kit's kernel, one output that updates in
 * place with the epoch lines and a live chart; on a terminal, a bar redrawn within each epoch
 * ({@link ProgressBar}); elsewhere (a log, a pipe) one line per epoch ({@link ProgressLines}).
 */
public interface ProgressDisplay extends Callback {

    /** Shows {@code line} among the run's progress lines. */
    void say(String line);

    /**
     * Makes displays for the environment it knows, e.g. the notebook kernel's; found with {@link ServiceLoader} on
     * the kit's class path.
     */
    interface Provider {

        /** A display for a run starting now, or null when this provider does not apply here (e.g. outside a cell). */
        ProgressDisplay create();
    }

    /** A display for a run starting now, chosen as the class comment says. */
    static ProgressDisplay standard() {
        for (Provider provider : ServiceLoader.load(Provider.class, ProgressDisplay.class.getClassLoader())) {
            ProgressDisplay display = provider.create();
            if (display != null) {
                return display;
            }
        }
        Console console = System.console();
        return console != null ? new ProgressBar(System.out) : new ProgressLines(System.out::println);
    }
}
