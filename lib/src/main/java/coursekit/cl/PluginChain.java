package coursekit.cl;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * Plugins that share state within one run (AR1's latent replay tells CWR* how many activations of each class it
 * replays), made together by one supplier and run as one: every hook passes through them in order, as the
 * trainer passes through a strategy's plugins.
 */
final class PluginChain implements Plugin {

    private final List<Plugin> parts;

    PluginChain(Plugin... parts) {
        this.parts = List.of(parts);
    }

    @Override
    public void beforeExperience(ExperienceStart start) {
        parts.forEach(p -> p.beforeExperience(start));
    }

    @Override
    public NDArray loss(TrainingStep step, NDArray loss) {
        NDArray total = loss;
        for (Plugin part : parts) {
            total = part.loss(step, total);
        }
        return total;
    }

    @Override
    public void afterBackward(TrainingStep step) {
        parts.forEach(p -> p.afterBackward(step));
    }

    @Override
    public void afterExperience(ExperienceEnd end) {
        parts.forEach(p -> p.afterExperience(end));
    }

    @Override
    public NDArray scores(NDArray features, int activeClasses) {
        NDArray scores = null;
        for (Plugin part : parts) {
            NDArray s = part.scores(features, activeClasses);
            scores = s != null ? s : scores;
        }
        return scores;
    }

    @Override
    public void close() {
        parts.forEach(Plugin::close);
    }
}
