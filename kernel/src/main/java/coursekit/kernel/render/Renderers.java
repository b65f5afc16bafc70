package coursekit.kernel.render;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Chooses how to show an object: the renderer registered last for a type the object is an instance of
 * wins, and every bundle gets a {@code text/plain} form (what {@code jupyter nbconvert --to markdown}
 * and terminals show).
 */
public final class Renderers {

    private record Entry<T>(Class<T> type, Renderer<? super T> renderer) {
        MimeBundle apply(Object value) throws Exception {
            return renderer.render(type.cast(value));
        }
    }

    private final List<Entry<?>> entries = new CopyOnWriteArrayList<>();

    /** No renderers: everything shows as text. */
    public static Renderers empty() {
        return new Renderers();
    }

    /** Images, charts, figures, tables, NDArrays, histories and model summaries; see {@link StandardRenderers}. */
    public static Renderers standard() {
        Renderers renderers = new Renderers();
        StandardRenderers.registerAll(renderers);
        return renderers;
    }

    /** Adds a renderer for {@code type}, preferred over those registered before it. */
    public <T> Renderers register(Class<T> type, Renderer<? super T> renderer) {
        entries.add(new Entry<>(type, renderer));
        return this;
    }

    /** The object as the notebook shows it, or {@code null} when it shows nothing. */
    public MimeBundle render(Object value) throws Exception {
        if (value == null) {
            return MimeBundle.text("null");
        }
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry<?> entry = entries.get(i);
            if (entry.type().isInstance(value)) {
                MimeBundle bundle = entry.apply(value);
                if (bundle != null && !bundle.has(MimeBundle.TEXT)) {
                    bundle.put(MimeBundle.TEXT, Texts.plain(value));
                }
                return bundle;
            }
        }
        return MimeBundle.text(Texts.plain(value));
    }
}
