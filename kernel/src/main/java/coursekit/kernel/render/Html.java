package coursekit.kernel.render;

/** HTML to show as it is; from {@code html("<b>hi</b>")} in a cell. */
public record Html(String html) {

    @Override
    public String toString() {
        return html.replaceAll("<[^>]*>", "");
    }
}
