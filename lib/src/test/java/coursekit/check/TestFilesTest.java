package coursekit.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TestFilesTest {

    @Test
    void headersGiveNamePointsAndVisibility() {
        List<TestCase> tests = TestFiles.parse("q1.jsh", "q1", List.of(
                "// notes for the author",
                "//# test first points=2.5",
                "assertEquals(1, one());",
                "//# test second hidden independent feedback=\"Try a bigger input.\"",
                "assertTrue(true);"));
        assertEquals(2, tests.size());
        assertEquals(new TestCase("q1", "first", 2.5, false, false, null, "assertEquals(1, one());"), tests.get(0));
        assertEquals(new TestCase("q1", "second", 1, true, true, "Try a bigger input.", "assertTrue(true);"), tests.get(1));
    }

    @Test
    void badPointsNameTheFileAndLine() {
        CheckException e = assertThrows(CheckException.class,
                () -> TestFiles.parse("tests/q2.jsh", "q2", List.of("//# test a points=-1", "x();")));
        assertEquals("tests/q2.jsh line 1: points must be a positive number, like points=2, but got '-1'.", e.getMessage());
    }

    @Test
    void aNameUsedTwiceIsRefused() {
        CheckException e = assertThrows(CheckException.class,
                () -> TestFiles.parse("q.jsh", "q", List.of("//# test a", "x();", "//# test a", "y();")));
        assertTrue(e.getMessage().contains("'a' is used twice"), e.getMessage());
    }

    @Test
    void anUnknownSettingIsRefused() {
        CheckException e = assertThrows(CheckException.class,
                () -> TestFiles.parse("q.jsh", "q", List.of("//# test a secret", "x();")));
        assertTrue(e.getMessage().contains("unknown test setting 'secret'"), e.getMessage());
    }

    @Test
    void aFileWithoutTestsIsRefused() {
        assertThrows(CheckException.class, () -> TestFiles.parse("q.jsh", "q", List.of("x();")));
    }
}
