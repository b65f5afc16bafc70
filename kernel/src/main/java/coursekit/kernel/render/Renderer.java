package coursekit.kernel.render;

/**
 * Turns one kind of object into a {@link MimeBundle}; returns {@code null} for "show nothing".
 *
 * @param <T> the kind of object
 */
@FunctionalInterface
public interface Renderer<T> {

    MimeBundle render(T value) throws Exception;
}
