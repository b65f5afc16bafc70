package coursekit.kernel.jupyter;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.dflib.jjava.jupyter.messages.Message;

/**
 * Decides which queued cells to abort after a failure, as ipykernel does for {@code stop_on_error}:
 * "Run All" sends every cell at once, and the cells sent before one failed should not run on without it.
 * A request's send time is its header's {@code date}; a request whose date cannot be read runs.
 */
final class Aborts {

    private Aborts() {}

    static boolean sentBefore(Message<?> request, Instant failure) {
        if (failure == null || request.getHeader().getTimestamp() == null) {
            return false;
        }
        String date = request.getHeader().getTimestamp().getDateString();
        try {
            return parse(date).isBefore(failure);
        } catch (DateTimeParseException | NullPointerException e) {
            return false;
        }
    }

    /** An ISO 8601 time with an offset ({@code Z} or {@code +00:00}), as Jupyter clients write them. */
    static Instant parse(String date) {
        return OffsetDateTime.parse(date).toInstant();
    }
}
