package coursekit.kernel.eval;

/**
 * What {@link Evaluator#valueOf(String)} came to: the value of the code, or why it has none.
 *
 * @param value   the object the code evaluated to, or {@code null}
 * @param problem one sentence saying why it did not compile or run (the compiler's words, the exception), or
 *                {@code null} when it ran
 */
public record SnippetValue(Object value, String problem) {}
