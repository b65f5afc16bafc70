package coursekit.kernel.render;

/** Markdown to show formatted; from {@code markdown("**hi**")} in a cell. */
public record Markdown(String markdown) {}
