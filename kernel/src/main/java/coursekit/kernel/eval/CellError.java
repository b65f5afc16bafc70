package coursekit.kernel.eval;

import java.util.List;

/**
 * A failed cell as Jupyter shows it: a name ({@code ename}), a one-line value ({@code evalue}) and the
 * lines of the report ({@code traceback}).
 */
public record CellError(String name, String value, List<String> traceback) {

    public CellError {
        traceback = List.copyOf(traceback);
    }

    /** The whole report as one text. */
    public String text() {
        return String.join("\n", traceback);
    }
}
