package io.backorder.supplier.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.backorder.supplier.Csv;
import io.backorder.supplier.rest.AgreementRequest;
import io.backorder.supplier.rest.AgreementRequest.PriceBreakRequest;
import io.backorder.support.rest.Problem.Violation;

/**
 * Reads agreements from CSV: a header row naming the columns (any order, case-insensitive), then one agreement per
 * row. Price breaks are {@code quantity:price} pairs separated by semicolons, e.g. {@code 100:9.50;500:9.00}.
 * Cells that cannot be read become violations naming the row (its line in the file) and column.
 */
final class AgreementCsv {

    static final List<String> COLUMNS = List.of("supplier_id", "sku", "currency", "unit_price", "price_breaks",
            "lead_time_days", "min_order_quantity", "pack_size", "order_cost", "valid_from", "valid_to",
            "urgent_lead_time_days", "urgent_surcharge_percent", "dropship", "dropship_lead_time_days",
            "dropship_fee");
    static final Set<String> REQUIRED = Set.of("supplier_id", "sku", "currency", "unit_price", "lead_time_days",
            "valid_from");

    private AgreementCsv() {
    }

    /** A row that could be read, or the reasons it could not. */
    record Parsed(int line, AgreementRequest request, List<Violation> violations) {
    }

    /** @throws IllegalArgumentException when the file as a whole cannot be read (syntax, header) */
    static List<Parsed> read(String text) {
        List<Csv.Row> rows = Csv.parse(text);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("The file is empty; it needs a header row and at least one agreement");
        }
        Map<String, Integer> header = header(rows.get(0));
        List<Parsed> parsed = new ArrayList<>();
        for (Csv.Row row : rows.subList(1, rows.size())) {
            parsed.add(row(row, header));
        }
        if (parsed.isEmpty()) {
            throw new IllegalArgumentException("The file has a header but no agreements");
        }
        return parsed;
    }

    /** The CSV column a request property (as Bean Validation names it) comes from. */
    static String column(String property) {
        String root = property.split("[.\\[]", 2)[0];
        return root.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    static Violation at(int line, String column, String message) {
        return new Violation("line " + line + ": " + column, message);
    }

    private static Map<String, Integer> header(Csv.Row row) {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < row.fields().size(); i++) {
            String name = row.fields().get(i).trim().toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(name)) {
                throw new IllegalArgumentException("Unknown column '" + name + "'; columns are " + COLUMNS);
            }
            if (positions.put(name, i) != null) {
                throw new IllegalArgumentException("Column '" + name + "' appears twice");
            }
        }
        List<String> missing = REQUIRED.stream().filter(name -> !positions.containsKey(name)).sorted().toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("Required columns are missing: " + missing);
        }
        return positions;
    }

    private static Parsed row(Csv.Row row, Map<String, Integer> header) {
        Cells cells = new Cells(row, header);
        if (row.fields().size() != header.size()) {
            return new Parsed(row.line(), null, List.of(at(row.line(), "row", "has " + row.fields().size()
                    + " fields, the header has " + header.size())));
        }
        AgreementRequest request = new AgreementRequest(cells.text("supplier_id"), cells.text("sku"),
                cells.text("currency"), cells.parse("unit_price", BigDecimal::new),
                cells.parse("price_breaks", AgreementCsv::priceBreaks), cells.parse("lead_time_days", Integer::valueOf),
                cells.parse("min_order_quantity", Integer::valueOf), cells.parse("pack_size", Integer::valueOf),
                cells.parse("order_cost", BigDecimal::new), cells.parse("valid_from", LocalDate::parse),
                cells.parse("valid_to", LocalDate::parse), cells.parse("urgent_lead_time_days", Integer::valueOf),
                cells.parse("urgent_surcharge_percent", BigDecimal::new),
                Boolean.TRUE.equals(cells.parse("dropship", AgreementCsv::yesNo)),
                cells.parse("dropship_lead_time_days", Integer::valueOf), cells.parse("dropship_fee", BigDecimal::new));
        return new Parsed(row.line(), cells.violations.isEmpty() ? request : null, cells.violations);
    }

    private static List<PriceBreakRequest> priceBreaks(String cell) {
        List<PriceBreakRequest> breaks = new ArrayList<>();
        for (String pair : cell.split(";")) {
            String[] parts = pair.trim().split(":");
            if (parts.length != 2) {
                throw new IllegalArgumentException("expected quantity:price pairs separated by ';'");
            }
            breaks.add(new PriceBreakRequest(Integer.valueOf(parts[0].trim()), new BigDecimal(parts[1].trim())));
        }
        return breaks;
    }

    private static Boolean yesNo(String cell) {
        return switch (cell.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1" -> true;
            case "false", "no", "n", "0" -> false;
            default -> throw new IllegalArgumentException("expected true or false");
        };
    }

    /** The cells of one row by column name; an unreadable cell is recorded as a violation and read as empty. */
    private static final class Cells {

        private final Csv.Row row;
        private final Map<String, Integer> header;
        private final List<Violation> violations = new ArrayList<>();

        Cells(Csv.Row row, Map<String, Integer> header) {
            this.row = row;
            this.header = header;
        }

        String text(String column) {
            Integer position = header.get(column);
            if (position == null || position >= row.fields().size()) {
                return null;
            }
            String value = row.fields().get(position).trim();
            return value.isEmpty() ? null : value;
        }

        <T> T parse(String column, Function<String, T> parser) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            try {
                return parser.apply(value);
            } catch (DateTimeParseException e) {
                violations.add(at(row.line(), column, "'" + value + "' is not a date like 2025-01-31"));
            } catch (NumberFormatException e) {
                violations.add(at(row.line(), column, "'" + value + "' is not a number"));
            } catch (IllegalArgumentException e) {
                violations.add(at(row.line(), column, "'" + value + "': " + e.getMessage()));
            }
            return null;
        }
    }
}
