package io.backorder.insights.service;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.insights.Period;
import io.backorder.insights.Table;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * The KPIs as Prometheus gauges (names in deploy/grafana/backorder-kpis.json). Computing them is a few queries, so
 * they are refreshed on a schedule rather than on every scrape; rates are over the last
 * {@value Period#DEFAULT_DAYS} days.
 */
@ApplicationScoped
public class KpiMetrics {

    private final Kpis kpis;
    private final DeadLetters deadLetters;
    private final Map<String, Double> totals = new ConcurrentHashMap<>();
    private final MultiGauge openBackorderUnits;
    private final MultiGauge backlogUnits;
    private final MultiGauge stockoutRisk;
    private final MultiGauge deadLettersByType;

    public KpiMetrics(Kpis kpis, DeadLetters deadLetters, MeterRegistry registry) {
        this.kpis = kpis;
        this.deadLetters = deadLetters;
        for (String name : List.of("backorder.rate", "fill.rate", "lost.rejected.lines", "lost.delay.cancelled.lines",
                "offers.awaiting", "contact.clicks", "lost.quote.lines")) {
            totals.put(name, 0.0);
            Gauge.builder("backorder.kpi." + name, totals, values -> values.get(name)).register(registry);
        }
        openBackorderUnits = MultiGauge.builder("backorder.kpi.open.backorder.units")
                .description("Units waiting for supply now, per SKU")
                .register(registry);
        backlogUnits = MultiGauge.builder("backorder.kpi.backlog.units")
                .description("Units held from stock and not yet shipped (fulfilment backlog), per SKU")
                .register(registry);
        stockoutRisk = MultiGauge.builder("backorder.kpi.stockout.risk")
                .description("Probability of running out before the next receipt, per SKU")
                .register(registry);
        deadLettersByType = MultiGauge.builder("backorder.dead.letters")
                .description("Messages on the broker's dead-letter queue, per message type")
                .register(registry);
    }

    @Scheduled(every = "${insights.metrics.refresh}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledRefresh() {
        return refresh().onFailure()
                .invoke(e -> Log.warnf("KPI gauges not refreshed: %s", e.getMessage()))
                .onFailure()
                .recoverWithNull();
    }

    public Uni<Void> refresh() {
        Period period = Period.lastDays(kpis.today(), Period.DEFAULT_DAYS);
        return Uni.combine()
                .all()
                .unis(kpis.daily(period), kpis.skus(period), kpis.stockoutRisk(period), kpis.offersAwaiting(period),
                        kpis.contactClicks(period), kpis.quoteConversion(period))
                .with((daily, skus, risks, offers, clicks, quotes) -> {
                    long ordered = sum(daily, "ordered");
                    totals.put("backorder.rate", share(sum(daily, "backordered"), ordered));
                    totals.put("fill.rate", share(sum(daily, "filled"), ordered));
                    totals.put("lost.rejected.lines", (double) sum(skus, "rejected"));
                    totals.put("lost.delay.cancelled.lines", (double) sum(skus, "cancelled_for_delay"));
                    totals.put("offers.awaiting", (double) offers.rows().size());
                    totals.put("contact.clicks", (double) sum(clicks, "clicks"));
                    totals.put("lost.quote.lines", (double) sum(quotes, "lost"));
                    perSku(openBackorderUnits, skus, "open_backorder_units");
                    perSku(backlogUnits, skus, "backlog_units");
                    perSku(stockoutRisk, risks, "risk");
                    return null;
                })
                .chain(this::refreshDeadLetters);
    }

    /** A broker that cannot be browsed leaves the last counts: the KPIs above do not depend on it. */
    private Uni<Void> refreshDeadLetters() {
        return deadLetters.table().invoke(letters -> {
            int type = letters.columns().indexOf("type");
            Map<String, Long> counts = letters.rows()
                    .stream()
                    .collect(Collectors.groupingBy(row -> String.valueOf(row.get(type)), Collectors.counting()));
            deadLettersByType.register(counts.entrySet()
                    .stream()
                    .map(count -> MultiGauge.Row.of(Tags.of("type", count.getKey()), count.getValue()))
                    .toList(), true);
        })
                .onFailure()
                .invoke(e -> Log.warnf("Dead-letter gauge not refreshed: %s", e.getMessage()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    private static void perSku(MultiGauge gauge, Table table, String column) {
        int sku = table.columns().indexOf("sku");
        int value = table.columns().indexOf(column);
        ToDoubleFunction<Object> number = cell -> cell instanceof Number n ? n.doubleValue() : Double.NaN;
        gauge.register(table.rows()
                .stream()
                .map(row -> MultiGauge.Row.of(Tags.of("sku", String.valueOf(row.get(sku))),
                        number.applyAsDouble(row.get(value))))
                .toList(), true);
    }

    private static long sum(Table table, String column) {
        int index = table.columns().indexOf(column);
        return table.rows().stream().mapToLong(row -> ((Number) row.get(index)).longValue()).sum();
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
