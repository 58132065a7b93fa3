package io.backorder.inventory;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV as spreadsheets write it (RFC 4180): comma-separated fields, optionally in double quotes, a doubled quote
 * inside quotes is a quote, quoted fields may span lines, CRLF or LF line ends, an optional UTF-8 byte order mark.
 * Blank lines are skipped. Pure.
 */
public final class Csv {

    /** A record and the line of the file it starts on (the header is line 1). */
    public record Row(int line, List<String> fields) {
    }

    private Csv() {
    }

    /** @throws IllegalArgumentException when a quoted field is not closed */
    public static List<Row> parse(String text) {
        String input = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int recordStart = 1;
        int line = 1;
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < input.length() && input.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
                fieldStarted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                fieldStarted = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < input.length() && input.charAt(i + 1) == '\n') {
                    i++;
                }
                endRecord(rows, fields, field, fieldStarted, recordStart);
                fields = new ArrayList<>();
                field.setLength(0);
                fieldStarted = false;
                line++;
                recordStart = line;
            } else {
                field.append(c);
                fieldStarted = true;
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("The quoted field starting in line " + recordStart + " is not closed");
        }
        endRecord(rows, fields, field, fieldStarted, recordStart);
        return rows;
    }

    private static void endRecord(List<Row> rows, List<String> fields, StringBuilder field, boolean fieldStarted,
            int recordStart) {
        if (!fieldStarted && fields.isEmpty()) {
            return;
        }
        fields.add(field.toString());
        rows.add(new Row(recordStart, List.copyOf(fields)));
    }
}
