package coursekit.kernel.render;

/**
 * What {@code display(...)} returns: the id of the shown output, for {@code updateDisplay(handle, obj)}.
 * As a cell's last value it shows nothing, so {@code display(chart)} does not print an id.
 */
public final class DisplayHandle {

    private final String id;

    public DisplayHandle(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return "DisplayHandle[" + id + "]";
    }
}
