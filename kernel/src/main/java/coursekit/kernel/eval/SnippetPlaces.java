package coursekit.kernel.eval;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where each JShell snippet came from (which cell, which line), so that a stack trace can say
 * "line 3 of cell [2]" instead of JShell's "#12:1".
 */
final class SnippetPlaces {

    private record Place(int cell, int firstLine) {}

    private final Map<String, Place> places = new ConcurrentHashMap<>();
    private volatile int currentCell;

    void enterCell(int cell) {
        currentCell = cell;
    }

    void put(String snippetId, int cell, int firstLine) {
        places.put(snippetId, new Place(cell, firstLine));
    }

    /** Describes line {@code snippetLine} (from 1) of snippet {@code snippetId}. */
    String describe(String snippetId, int snippetLine) {
        Place place = places.get(snippetId);
        if (place == null) {
            return "line " + snippetLine + " of snippet #" + snippetId;
        }
        int line = place.firstLine() + Math.max(snippetLine, 1) - 1;
        return place.cell() == currentCell ? "line " + line : "line " + line + " of cell [" + place.cell() + "]";
    }
}
