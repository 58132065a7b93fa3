package io.backorder.insights;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One table of the board, also served as JSON and CSV: the same rows everywhere, so an exported file always says
 * what the page showed.
 */
public record Table(String id, String title, List<String> columns, List<List<Object>> rows) {

    public List<Map<String, Object>> records() {
        List<Map<String, Object>> records = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            Map<String, Object> record = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                record.put(columns.get(i), row.get(i));
            }
            records.add(record);
        }
        return records;
    }

    /** RFC 4180: comma separated, CRLF line ends, fields quoted when they hold a comma, quote or line break. */
    public String csv() {
        StringBuilder out = new StringBuilder();
        appendRow(out, new ArrayList<>(columns));
        rows.forEach(row -> appendRow(out, row));
        return out.toString();
    }

    private static void appendRow(StringBuilder out, List<?> row) {
        for (int i = 0; i < row.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(row.get(i)));
        }
        out.append("\r\n");
    }

    private static String field(Object value) {
        String text = value == null ? "" : value.toString();
        // a leading =, +, - or @ makes spreadsheets evaluate the cell as a formula
        if (!text.isEmpty() && "=+@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
