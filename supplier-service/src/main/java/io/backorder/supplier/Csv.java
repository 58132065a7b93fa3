package io.backorder.supplier;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: comma-separated fields, optionally in double quotes (which may hold commas, line breaks and doubled
 * quotes), records ending in CRLF or LF. Blank records are skipped.
 */
public final class Csv {

    private Csv() {
    }

    /** A record and the line of the file it starts on, for error messages people can find in their editor. */
    public record Row(int line, List<String> fields) {
    }

    public static List<Row> parse(String text) {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldWasQuoted = false;
        int line = 1;
        int rowStart = 1;
        int i = 0;
        String input = text.startsWith("\uFEFF") ? text.substring(1) : text;
        while (i < input.length()) {
            char c = input.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < input.length() && input.charAt(i + 1) == '"') {
                    field.append('"');
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
                i++;
                continue;
            }
            switch (c) {
                case '"' -> {
                    if (field.length() > 0 || fieldWasQuoted) {
                        throw new IllegalArgumentException("Line " + line + ": a quote inside an unquoted field");
                    }
                    quoted = true;
                    fieldWasQuoted = true;
                }
                case ',' -> {
                    fields.add(field.toString());
                    field.setLength(0);
                    fieldWasQuoted = false;
                }
                case '\r' -> {
                    // part of CRLF; a lone CR is treated like LF
                    if (i + 1 >= input.length() || input.charAt(i + 1) != '\n') {
                        endRecord(rows, fields, field, fieldWasQuoted, rowStart);
                        fieldWasQuoted = false;
                        line++;
                        rowStart = line;
                    }
                }
                case '\n' -> {
                    endRecord(rows, fields, field, fieldWasQuoted, rowStart);
                    fieldWasQuoted = false;
                    line++;
                    rowStart = line;
                }
                default -> {
                    if (fieldWasQuoted) {
                        throw new IllegalArgumentException("Line " + line + ": text after a closing quote");
                    }
                    field.append(c);
                }
            }
            i++;
        }
        if (quoted) {
            throw new IllegalArgumentException("Line " + rowStart + ": a quoted field is never closed");
        }
        endRecord(rows, fields, field, fieldWasQuoted, rowStart);
        return rows;
    }

    private static void endRecord(List<Row> rows, List<String> fields, StringBuilder field, boolean fieldWasQuoted,
            int line) {
        fields.add(field.toString());
        field.setLength(0);
        boolean blank = fields.size() == 1 && fields.get(0).isEmpty() && !fieldWasQuoted;
        if (!blank) {
            rows.add(new Row(line, List.copyOf(fields)));
        }
        fields.clear();
    }
}
