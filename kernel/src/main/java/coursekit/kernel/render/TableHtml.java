package coursekit.kernel.render;

import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Tablesaw tables as an HTML table (the first and last rows of long ones, like pandas) and as
 * Tablesaw's own text.
 */
final class TableHtml {

    static final int MAX_ROWS = 20;
    private static final int HEAD = 10;
    private static final int TAIL = 5;

    private TableHtml() {}

    static MimeBundle bundle(Table table) {
        return new MimeBundle().put(MimeBundle.HTML, html(table, MAX_ROWS)).put(MimeBundle.TEXT, table.print(MAX_ROWS));
    }

    /** The table as HTML, with at most {@code maxRows} rows shown. */
    static String html(Table table, int maxRows) {
        int rows = table.rowCount();
        boolean cut = rows > maxRows;
        StringBuilder html = new StringBuilder("<table class=\"dataframe\">\n<caption style=\"white-space:nowrap;text-align:left\">")
                .append(Texts.escapeHtml(table.name() == null ? "" : table.name()))
                .append(table.name() == null || table.name().isEmpty() ? "" : ": ")
                .append(String.format("%,d rows &times; %,d columns", rows, table.columnCount()))
                .append("</caption>\n<thead><tr>");
        for (Column<?> column : table.columns()) {
            html.append("<th>").append(Texts.escapeHtml(column.name())).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (int row = 0; row < rows; row++) {
            if (cut && row == HEAD) {
                html.append("<tr>").append("<td>&hellip;</td>".repeat(table.columnCount())).append("</tr>\n");
                row = rows - TAIL;
            }
            html.append("<tr>");
            for (int c = 0; c < table.columnCount(); c++) {
                Column<?> column = table.column(c);
                boolean numeric = column.type() != ColumnType.STRING
                        && column.type() != ColumnType.BOOLEAN;
                html.append(numeric ? "<td style=\"text-align:right\">" : "<td>")
                        .append(Texts.escapeHtml(column.getString(row)))
                        .append("</td>");
            }
            html.append("</tr>\n");
        }
        return html.append("</tbody>\n</table>").toString();
    }
}
