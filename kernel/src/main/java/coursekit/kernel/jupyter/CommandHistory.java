package coursekit.kernel.jupyter;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The cells run in this kernel session, for {@code history_request}: the last {@code n}, a range, or a
 * glob search ({@code *} and {@code ?}, as IPython's history does).
 */
final class CommandHistory {

    /** This kernel's session number; earlier sessions are not kept. */
    static final int SESSION = 1;

    record Entry(int line, String input, String output) {}

    private final List<Entry> entries = new ArrayList<>();

    synchronized void add(int line, String input, String output) {
        entries.add(new Entry(line, input, output));
    }

    synchronized List<Entry> tail(int n) {
        int from = Math.max(0, entries.size() - Math.max(n, 0));
        return new ArrayList<>(entries.subList(from, entries.size()));
    }

    /** Lines {@code start} (inclusive) to {@code stop} (exclusive) of {@code session}; 0 means this session. */
    synchronized List<Entry> range(int session, int start, int stop) {
        if (session != SESSION && session != 0) {
            return List.of();
        }
        List<Entry> found = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.line() >= start && (stop <= 0 || entry.line() < stop)) {
                found.add(entry);
            }
        }
        return found;
    }

    synchronized List<Entry> search(String glob, int n, boolean unique) {
        Pattern pattern = Pattern.compile(globToRegex(glob == null || glob.isEmpty() ? "*" : glob), Pattern.DOTALL);
        List<Entry> found = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry entry = entries.get(i);
            if (pattern.matcher(entry.input()).matches() && (!unique || seen.add(entry.input()))) {
                found.add(0, entry);
            }
        }
        return n > 0 && found.size() > n ? found.subList(found.size() - n, found.size()) : found;
    }

    private static String globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }
}
