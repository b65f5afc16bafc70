package coursekit.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JavadocTextTest {

    @Test
    void keepsTheFirstSentencesAsMarkdown() {
        String javadoc = """
                 Scales an image to {@code width} by {@code height} pixels. See {@link java.awt.Image#getScaledInstance}
                 and {@linkplain Math#max the larger of two}. Uses <em>bilinear</em> filtering &lt;always&gt;.
                 <p>A third sentence.
                 @param width the new width
                 @return the scaled image
                """;
        assertEquals("Scales an image to `width` by `height` pixels. See `java.awt.Image.getScaledInstance` and the larger of two.",
                JavadocText.opening(javadoc, 2));
        assertEquals("Scales an image to `width` by `height` pixels.", JavadocText.opening(javadoc, 1));
    }

    @Test
    void stopsAtTheFirstBlockTagAndTakesWhatThereIs() {
        assertEquals("Returns nothing much, e.g. a value.", JavadocText.opening(" Returns nothing much, e.g. a value.\n @return it\n", 3));
        assertEquals("", JavadocText.opening(null, 2));
        assertEquals("", JavadocText.opening(" @param x only tags\n", 2));
    }
}
