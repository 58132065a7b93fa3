package io.backorder.supplier.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.supplier.DeliveryOutcome;
import io.backorder.supplier.PurchaseOrderLine;
import io.backorder.supplier.Reliability;
import io.backorder.supplier.SupplierStatistics;
import io.backorder.supplier.config.SupplierConfig;
import io.backorder.supplier.repository.PurchaseOrderLineRepository;
import io.backorder.supplier.repository.SupplierRepository;
import io.backorder.supplier.rest.StatisticsView;
import io.backorder.support.rest.NotFoundProblem;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/**
 * Supplier performance from promised versus actual dates of settled purchase-order lines within a sliding window.
 * Sourcing decisions read the same figures as operators.
 */
@ApplicationScoped
public class StatisticsService {

    private final PurchaseOrderLineRepository lines;
    private final SupplierRepository suppliers;
    private final Clock clock;
    private final int windowDays;

    public StatisticsService(PurchaseOrderLineRepository lines, SupplierRepository suppliers, Clock clock,
            SupplierConfig config) {
        this.lines = lines;
        this.suppliers = suppliers;
        this.clock = clock;
        this.windowDays = config.statistics().windowDays();
    }

    /** Runs in the caller's session. Suppliers without settled lines are missing from the map. */
    public Uni<Map<String, Reliability>> reliabilities(Collection<String> supplierIds) {
        return lines.settledSince(supplierIds, windowStart())
                .map(found -> found.stream()
                        .collect(Collectors.groupingBy(line -> line.supplierId, Collectors.collectingAndThen(
                                Collectors.mapping(PurchaseOrderLine::outcome, Collectors.toList()),
                                outcomes -> SupplierStatistics.of(outcomes).reliability()))));
    }

    /**
     * How much the supplier's lead times vary (sample standard deviation in days): for this SKU when it has at
     * least two complete deliveries of it, else over all its SKUs; null without that much history. Runs in the
     * caller's session.
     */
    public Uni<Double> leadTimeStdDevDays(String supplierId, String sku) {
        return lines.settledSince(List.of(supplierId), windowStart()).map(found -> {
            List<DeliveryOutcome> outcomes = found.stream().map(PurchaseOrderLine::outcome).toList();
            Double ofSku = SupplierStatistics.of(outcomes.stream().filter(o -> o.sku().equals(sku)).toList())
                    .leadTimeStdDevDays();
            return ofSku != null ? ofSku : SupplierStatistics.of(outcomes).leadTimeStdDevDays();
        });
    }

    @WithSession
    public Uni<StatisticsView> ofSupplier(String supplierId) {
        return suppliers.findById(supplierId)
                .onItem()
                .ifNull()
                .failWith(() -> new NotFoundProblem("No supplier " + supplierId))
                .flatMap(found -> lines.settledSince(List.of(supplierId), windowStart()))
                .map(found -> view(supplierId, found));
    }

    @WithSession
    public Uni<List<StatisticsView>> ofAll() {
        return suppliers.listAll(Sort.by("id")).flatMap(all -> {
            List<String> ids = all.stream().map(supplier -> supplier.id).toList();
            return lines.settledSince(ids, windowStart()).map(found -> {
                Map<String, List<PurchaseOrderLine>> bySupplier = found.stream()
                        .collect(Collectors.groupingBy(line -> line.supplierId));
                return all.stream()
                        .map(supplier -> view(supplier.id, bySupplier.getOrDefault(supplier.id, List.of())))
                        .toList();
            });
        });
    }

    private StatisticsView view(String supplierId, List<PurchaseOrderLine> settled) {
        List<DeliveryOutcome> outcomes = settled.stream().map(PurchaseOrderLine::outcome).toList();
        Map<String, List<DeliveryOutcome>> bySku = outcomes.stream()
                .collect(Collectors.groupingBy(DeliveryOutcome::sku, TreeMap::new, Collectors.toList()));
        return new StatisticsView(supplierId, windowStart(), LocalDate.now(clock),
                figures(SupplierStatistics.of(outcomes)),
                bySku.entrySet()
                        .stream()
                        .map(entry -> new StatisticsView.SkuFigures(entry.getKey(),
                                figures(SupplierStatistics.of(entry.getValue()))))
                        .toList());
    }

    private static StatisticsView.Figures figures(SupplierStatistics s) {
        return new StatisticsView.Figures(s.settledLines(), s.deliveredLines(), round(s.onTimeRate(), 4),
                round(s.averageSlipDays(), 2), round(s.fillRate(), 4), round(s.leadTimeMeanDays(), 2),
                round(s.leadTimeStdDevDays(), 2));
    }

    private static Double round(Double value, int places) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).doubleValue();
    }

    private LocalDate windowStart() {
        return LocalDate.now(clock).minusDays(windowDays);
    }
}
