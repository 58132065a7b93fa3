package io.backorder.inventory.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

import io.backorder.inventory.AllocationCause;
import io.backorder.inventory.BackorderPolicy;
import io.backorder.inventory.Csv;
import io.backorder.inventory.JournalReason;
import io.backorder.inventory.Location;
import io.backorder.inventory.Sku;
import io.backorder.inventory.Stock;
import io.backorder.inventory.StockId;
import io.backorder.inventory.config.InventoryConfig;
import io.backorder.inventory.repository.StockRepository;
import io.backorder.inventory.rest.ImportView;
import io.backorder.inventory.rest.SkuRequest;
import io.backorder.support.rest.Problem;
import io.backorder.support.rest.UnprocessableProblem;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * CSV uploads of SKUs and of stock counts. Every row is checked before anything changes; one bad row refuses the
 * whole file with a problem listing every bad row (line and column), so a corrected file can simply be sent again.
 */
@ApplicationScoped
public class ImportService {

    static final List<String> SKU_COLUMNS = List.of("sku", "name", "backorderPolicy", "backorderCap", "capToInbound",
            "launchDate", "leadTimeDays", "substitutionGroup", "unitPrice", "planningClass");
    static final List<String> SKU_REQUIRED = List.of("sku", "name", "backorderPolicy");
    static final List<String> STOCK_COLUMNS = List.of("sku", "locationId", "onHand", "safetyStock");
    static final List<String> STOCK_REQUIRED = List.of("sku", "locationId", "onHand");

    private final CatalogService catalog;
    private final StockService stockService;
    private final StockRepository stock;
    private final QueueService queues;
    private final Validator validator;
    private final int maxRows;

    public ImportService(CatalogService catalog, StockService stockService, StockRepository stock,
            QueueService queues, Validator validator, InventoryConfig config) {
        this.catalog = catalog;
        this.stockService = stockService;
        this.stock = stock;
        this.queues = queues;
        this.validator = validator;
        this.maxRows = config.imports().maxRows();
    }

    /** Creates or replaces SKUs; columns as {@link #SKU_COLUMNS}, the first three required. */
    public Uni<ImportView> importSkus(String csv) {
        Table table = Table.read(csv, SKU_COLUMNS, SKU_REQUIRED, maxRows);
        List<CatalogService.SkuUpsert> upserts = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Csv.Row row : table.rows()) {
            RowReader reader = table.reader(row);
            String sku = reader.text("sku");
            reader.require("sku", sku);
            if (sku != null && !sku.matches(Sku.ID_PATTERN)) {
                reader.violation("sku", "must match " + Sku.ID_PATTERN);
            } else if (sku != null && !seen.add(sku)) {
                reader.violation("sku", "appears more than once in the file");
            }
            SkuRequest request = new SkuRequest(reader.text("name"), reader.enumValue("backorderPolicy",
                    BackorderPolicy.class), reader.integer("backorderCap"), reader.bool("capToInbound"),
                    reader.date("launchDate"), reader.integer("leadTimeDays"), reader.text("substitutionGroup"),
                    reader.decimal("unitPrice"), reader.text("planningClass"));
            validator.validate(request)
                    .forEach(v -> reader.violation(v.getPropertyPath().toString(), v.getMessage()));
            if (request.backorderPolicy() != null) {
                CatalogService.policyProblem(request)
                        .ifPresent(problem -> reader.violation("backorderPolicy",
                                problem));
            }
            upserts.add(new CatalogService.SkuUpsert(sku, request));
        }
        table.requireValid();
        return catalog.upsertAll(upserts).map(saved -> new ImportView(saved.size(), 0));
    }

    private record StockCount(int line, String sku, String locationId, int onHand, Integer safetyStock) {
    }

    /**
     * Sets on-hand (and safety stock, when given) per SKU and location to the counted values, journalling each
     * difference; units it frees go to waiting lines at once. Columns as {@link #STOCK_COLUMNS}.
     */
    @WithTransaction
    public Uni<ImportView> importStock(String csv, String actor) {
        Table table = Table.read(csv, STOCK_COLUMNS, STOCK_REQUIRED, maxRows);
        List<StockCount> counts = new ArrayList<>();
        Set<StockId> seen = new HashSet<>();
        for (Csv.Row row : table.rows()) {
            RowReader reader = table.reader(row);
            String sku = reader.text("sku");
            String locationId = reader.text("locationId");
            Integer onHand = reader.integer("onHand");
            Integer safetyStock = reader.integer("safetyStock");
            reader.require("sku", sku);
            reader.require("locationId", locationId);
            reader.require("onHand", onHand);
            if (onHand != null && onHand < 0) {
                reader.violation("onHand", "must be greater than or equal to 0");
            }
            if (safetyStock != null && safetyStock < 0) {
                reader.violation("safetyStock", "must be greater than or equal to 0");
            }
            if (sku != null && locationId != null && !seen.add(new StockId(sku, locationId))) {
                reader.violation("sku", "appears more than once in the file for location " + locationId);
            }
            counts.add(new StockCount(row.line(), sku, locationId, onHand == null ? 0 : onHand, safetyStock));
        }
        table.requireValid();
        TreeSet<String> skuIds = counts.stream().map(StockCount::sku).collect(Collectors.toCollection(TreeSet::new));
        Set<String> locationIds = counts.stream().map(StockCount::locationId).collect(Collectors.toSet());
        return queues.lockWithPartners(skuIds)
                .chain(locked -> Panache.getSession()
                        .chain(session -> session
                                .createSelectionQuery("from Location where id in ?1", Location.class)
                                .setParameter(1, locationIds)
                                .getResultList())
                        .chain(locations -> stock.lockForSkus(skuIds)
                                .chain(rows -> applyCounts(table, counts, locked, locations, new ArrayList<>(rows),
                                        actor)))
                        .chain(() -> queues.settle(locked, QueueService.Trigger.allocation(AllocationCause.IMPORT,
                                null, "stock counts were imported"), null)))
                .map(settlement -> new ImportView(counts.size(), settlement.placements().size()));
    }

    /** Checks every count against the locked state first, then applies them all. */
    private Uni<Void> applyCounts(Table table, List<StockCount> counts, List<Sku> locked, List<Location> locations,
            List<Stock> rows, String actor) {
        Set<String> knownSkus = locked.stream().map(sku -> sku.sku).collect(Collectors.toSet());
        Set<String> knownLocations = locations.stream()
                .map(location -> location.id)
                .collect(Collectors.toSet());
        Map<StockId, Stock> byId = rows.stream().collect(Collectors.toMap(row -> row.id, Function.identity()));
        for (StockCount count : counts) {
            RowReader reader = table.reader(count.line());
            if (!knownSkus.contains(count.sku())) {
                reader.violation("sku", "no SKU " + count.sku());
            }
            if (!knownLocations.contains(count.locationId())) {
                reader.violation("locationId", "no location " + count.locationId());
            }
            Stock current = byId.get(new StockId(count.sku(), count.locationId()));
            if (current != null && count.onHand() < current.reserved) {
                reader.violation("onHand", current.reserved + " units are reserved at this location; on hand "
                        + "cannot be counted lower");
            }
        }
        table.requireValid();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (StockCount count : counts) {
            chain = chain.chain(() -> {
                Stock current = byId.get(new StockId(count.sku(), count.locationId()));
                if (current != null && current.onHand == count.onHand()) {
                    setSafetyStock(current, count);
                    return Uni.createFrom().voidItem();
                }
                return stockService.applyOnHand(count.sku(), count.locationId(), rows,
                        row -> count.onHand() - row.onHand, JournalReason.IMPORT.name(), "CSV line " + count.line(),
                        null, actor)
                        .invoke(entry -> rows.stream()
                                .filter(row -> row.id.equals(new StockId(count.sku(), count.locationId())))
                                .forEach(row -> setSafetyStock(row, count)))
                        .replaceWithVoid();
            });
        }
        return chain;
    }

    private static void setSafetyStock(Stock row, StockCount count) {
        if (count.safetyStock() != null) {
            row.safetyStock = count.safetyStock();
        }
    }

    /** The parsed file with its column positions and the violations found so far. */
    private record Table(Map<String, Integer> columns, List<Csv.Row> rows, List<Problem.Violation> violations) {

        static Table read(String csv, List<String> known, List<String> required, int maxRows) {
            List<Csv.Row> parsed;
            try {
                parsed = Csv.parse(csv == null ? "" : csv);
            } catch (IllegalArgumentException e) {
                throw new UnprocessableProblem("The file is not valid CSV: " + e.getMessage());
            }
            if (parsed.isEmpty()) {
                throw new UnprocessableProblem("The file is empty; the first line must name the columns "
                        + String.join(",", known));
            }
            List<Problem.Violation> violations = new ArrayList<>();
            Map<String, Integer> columns = new HashMap<>();
            List<String> header = parsed.get(0).fields();
            Map<String, String> byLowerCase = known.stream()
                    .collect(Collectors.toMap(name -> name.toLowerCase(Locale.ROOT), Function.identity()));
            for (int i = 0; i < header.size(); i++) {
                String name = byLowerCase.get(header.get(i).strip().toLowerCase(Locale.ROOT));
                if (name == null) {
                    violations.add(new Problem.Violation("line 1: " + header.get(i).strip(),
                            "unknown column; the columns are " + String.join(",", known)));
                } else if (columns.putIfAbsent(name, i) != null) {
                    violations.add(new Problem.Violation("line 1: " + name, "column appears more than once"));
                }
            }
            required.stream()
                    .filter(name -> !columns.containsKey(name))
                    .forEach(name -> violations.add(new Problem.Violation("line 1: " + name,
                            "required column is missing")));
            List<Csv.Row> rows = parsed.subList(1, parsed.size());
            if (rows.isEmpty()) {
                violations.add(new Problem.Violation("line 2", "the file has no rows below the header"));
            }
            if (rows.size() > maxRows) {
                throw new UnprocessableProblem("The file has " + rows.size() + " rows; an upload may hold at most "
                        + maxRows);
            }
            Table table = new Table(columns, rows, violations);
            table.requireValid();
            return table;
        }

        RowReader reader(Csv.Row row) {
            return new RowReader(this, row.line(), row.fields());
        }

        RowReader reader(int line) {
            return new RowReader(this, line, List.of());
        }

        void requireValid() {
            if (!violations.isEmpty()) {
                List<Problem.Violation> sorted = violations.stream()
                        .sorted(Comparator.comparingInt(Table::lineOf).thenComparing(Problem.Violation::field))
                        .toList();
                throw new UnprocessableProblem("The file was not imported: " + sorted.size()
                        + " problem(s); nothing was changed", sorted);
            }
        }

        private static int lineOf(Problem.Violation violation) {
            String field = violation.field();
            return Integer.parseInt(field.substring("line ".length(), field.indexOf(':') < 0
                    ? field.length()
                    : field.indexOf(':')));
        }
    }

    /** Reads typed values from one row, recording a violation for each that does not parse. */
    private record RowReader(Table table, int line, List<String> fields) {

        String text(String column) {
            Integer index = table.columns().get(column);
            if (index == null || index >= fields.size()) {
                return null;
            }
            String value = fields.get(index).strip();
            return value.isEmpty() ? null : value;
        }

        Integer integer(String column) {
            return parsed(column, Integer::valueOf, "must be a whole number");
        }

        BigDecimal decimal(String column) {
            return parsed(column, BigDecimal::new, "must be a number such as 12.50");
        }

        LocalDate date(String column) {
            return parsed(column, LocalDate::parse, "must be a date such as 2027-03-31");
        }

        boolean bool(String column) {
            Boolean value = parsed(column, text -> switch (text.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "1" -> Boolean.TRUE;
                case "false", "no", "0" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException(text);
            }, "must be true or false");
            return Boolean.TRUE.equals(value);
        }

        <E extends Enum<E>> E enumValue(String column, Class<E> type) {
            return parsed(column, text -> Enum.valueOf(type, text.toUpperCase(Locale.ROOT)),
                    "must be one of " + Arrays.toString(type.getEnumConstants()));
        }

        void require(String column, Object value) {
            if (value == null && text(column) == null) {
                violation(column, "must not be blank");
            }
        }

        void violation(String column, String message) {
            table.violations().add(new Problem.Violation("line " + line + ": " + column, message));
        }

        private <T> T parsed(String column, Function<String, T> parser, String expectation) {
            String text = text(column);
            if (text == null) {
                return null;
            }
            try {
                return parser.apply(text);
            } catch (RuntimeException e) {
                violation(column, expectation + ", not \"" + text + "\"");
                return null;
            }
        }
    }
}
