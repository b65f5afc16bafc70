package coursekit.kernel.eval;

import java.util.List;

/** Completion candidates and the range of the cell they replace ({@code start} to {@code end}). */
public record Completion(List<String> matches, int start, int end) {

    public Completion {
        matches = List.copyOf(matches);
    }
}
