package coursekit.kernel.jupyter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandHistoryTest {

    private static CommandHistory history() {
        CommandHistory history = new CommandHistory();
        history.add(1, "int a = 1;", null);
        history.add(2, "a + 1", "2");
        history.add(3, "a + 1", "2");
        history.add(4, "print(a)", null);
        return history;
    }

    private static List<Integer> lines(List<CommandHistory.Entry> entries) {
        return entries.stream().map(CommandHistory.Entry::line).toList();
    }

    @Test
    void tailGivesTheLastN() {
        assertEquals(List.of(3, 4), lines(history().tail(2)));
    }

    @Test
    void rangeIsStartInclusiveStopExclusive() {
        assertEquals(List.of(2, 3), lines(history().range(CommandHistory.SESSION, 2, 4)));
    }

    @Test
    void rangeOfAnotherSessionIsEmpty() {
        assertEquals(List.of(), history().range(7, 1, 5));
    }

    @Test
    void searchMatchesGlobsAndCanDropDuplicates() {
        assertEquals(List.of(2, 3), lines(history().search("a +*", 0, false)));
        assertEquals(List.of(3), lines(history().search("a +*", 0, true)));
        assertEquals(List.of(4), lines(history().search("*", 1, false)));
    }
}
