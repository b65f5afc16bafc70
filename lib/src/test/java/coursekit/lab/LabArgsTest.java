package coursekit.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class LabArgsTest {

    private static final Set<String> KNOWN = Set.of("epochs", "dropout", "augment", "backbone");

    private static LabArgs parse(String... args) {
        return LabArgs.parse("demo", args, KNOWN);
    }

    @Test
    void anUnknownOptionListsTheKnownOnesInOrder() {
        LabException error = assertThrows(LabException.class, () -> parse("--epoch", "3"));
        assertEquals("Lab demo has no option '--epoch'; its options are --augment, --backbone, --dropout, --epochs.", error.getMessage());
    }

    @Test
    void helpListsTheOptionsAndIsNotAFailure() {
        LabException answer = assertThrows(LabException.class, () -> parse("--epochs", "3", "--help"));
        assertTrue(answer.isHelp());
        assertEquals("Lab demo takes --augment VALUE, --backbone VALUE, --dropout VALUE, --epochs VALUE (e.g. --epochs 5); "
                + "README.md and docs/ say what each does and its default.", answer.getMessage());
        assertFalse(assertThrows(LabException.class, () -> parse("--epoch", "3")).isHelp());
    }

    @Test
    void anOptionWithoutAValueSaysSo() {
        LabException error = assertThrows(LabException.class, () -> parse("--epochs"));
        assertEquals("Option --epochs of lab demo needs a value.", error.getMessage());
    }

    @Test
    void aRateMayBeZeroButNotOne() {
        assertEquals(0.0, parse("--dropout", "0").rate("dropout", 0.5));
        assertEquals(0.5, parse().rate("dropout", 0.5));
        LabException error = assertThrows(LabException.class, () -> parse("--dropout", "1").rate("dropout", 0.5));
        assertTrue(error.getMessage().contains("from 0 up to (not including) 1, but got '1'"), error.getMessage());
    }

    @Test
    void aBooleanIsTrueOrFalseAndNothingElse() {
        assertTrue(parse("--augment", "TRUE").bool("augment", false));
        assertFalse(parse().bool("augment", false));
        LabException error = assertThrows(LabException.class, () -> parse("--augment", "yes").bool("augment", false));
        assertEquals("Option --augment of lab demo needs true or false, but got 'yes'.", error.getMessage());
    }

    @Test
    void aChoiceIsReturnedInItsOwnSpellingAndABadOneListsTheChoices() {
        assertEquals("vgg16", parse("--backbone", "VGG16").choice("backbone", "mobilenet", "mobilenet", "vgg16"));
        LabException error = assertThrows(LabException.class,
                () -> parse("--backbone", "resnet").choice("backbone", "mobilenet", "mobilenet", "vgg16"));
        assertEquals("Option --backbone of lab demo is one of mobilenet, vgg16, but got 'resnet'.", error.getMessage());
    }
}
