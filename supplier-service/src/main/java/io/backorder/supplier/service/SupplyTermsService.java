package io.backorder.supplier.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.contracts.Envelope;
import io.backorder.contracts.supplier.SupplyTermsChanged;
import io.backorder.supplier.Candidate;
import io.backorder.supplier.Demand;
import io.backorder.supplier.Offer;
import io.backorder.supplier.SupplierChooser;
import io.backorder.supplier.repository.AgreementRepository;
import io.backorder.support.messaging.Outbox;
import io.backorder.support.persistence.SessionSql;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Tells inventory's replenishment planner which terms to plan a SKU with: those of the preferred agreement (the
 * one the chooser takes for a minimum order without a deadline), its expected lead time including the supplier's
 * usual slip, and the supplier's observed lead-time variability. Published only when something changed: after
 * agreement and supplier changes, after receipts (which move the statistics), and daily (agreements start and end).
 */
@ApplicationScoped
public class SupplyTermsService {

    private static final String UPSERT = """
            insert into supply_terms (sku, supplier_id, agreement_id, lead_time_mean_days, lead_time_std_dev_days,
                min_order_quantity, pack_size, published_at)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
            on conflict (sku) do update set supplier_id = excluded.supplier_id, agreement_id = excluded.agreement_id,
                lead_time_mean_days = excluded.lead_time_mean_days,
                lead_time_std_dev_days = excluded.lead_time_std_dev_days,
                min_order_quantity = excluded.min_order_quantity, pack_size = excluded.pack_size,
                published_at = excluded.published_at
            where (supply_terms.supplier_id, supply_terms.lead_time_mean_days, supply_terms.lead_time_std_dev_days,
                supply_terms.min_order_quantity, supply_terms.pack_size)
                is distinct from (excluded.supplier_id, excluded.lead_time_mean_days, excluded.lead_time_std_dev_days,
                excluded.min_order_quantity, excluded.pack_size)""";

    /**
     * Refreshes of one SKU take turns until their transactions end: two receipts handled side by side would each
     * compute the statistics without the other's delivery, and neither would publish what both together show.
     */
    private static final String TAKE_TURN = "select true from pg_advisory_xact_lock(hashtextextended($1, 0))";

    private final Candidates candidates;
    private final AgreementRepository agreements;
    private final StatisticsService statistics;
    private final SupplierChooser chooser;
    private final Outbox outbox;
    private final Clock clock;

    public SupplyTermsService(Candidates candidates, AgreementRepository agreements, StatisticsService statistics,
            SupplierChooser chooser, Outbox outbox, Clock clock) {
        this.candidates = candidates;
        this.agreements = agreements;
        this.statistics = statistics;
        this.chooser = chooser;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Recomputes the terms of these SKUs and publishes those that changed; runs in the caller's transaction. */
    public Uni<Void> refresh(Collection<String> skus, Envelope cause) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String sku : new TreeSet<>(skus)) {
            chain = chain.chain(() -> refresh(sku, cause));
        }
        return chain;
    }

    @Scheduled(cron = "{supplier.supply-terms.refresh-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> daily() {
        return refreshAll();
    }

    /** Every SKU with an agreement valid today. */
    @WithTransaction
    public Uni<Void> refreshAll() {
        return agreements.skusValidOn(LocalDate.now(clock)).chain(skus -> refresh(skus, null));
    }

    private Uni<Void> refresh(String sku, Envelope cause) {
        LocalDate today = LocalDate.now(clock);
        return SessionSql.query(TAKE_TURN, new Object[]{"supply terms of " + sku}, row -> row[0])
                .chain(() -> candidates.forSku(sku, today))
                .chain(found -> {
                    Offer preferred = chooser.replenish(new Demand(sku, 1, null, false, today, Set.of()), found)
                            .chosenOffer()
                            .orElse(null);
                    if (preferred == null) {
                        Log.infof("No agreement for %s can be used today; its supply terms stay as last published",
                                sku);
                        return Uni.createFrom().voidItem();
                    }
                    Candidate chosen = found.stream()
                            .filter(c -> c.terms().agreementId().equals(preferred.agreementId()))
                            .findFirst()
                            .orElseThrow();
                    BigDecimal mean = days(ChronoUnit.DAYS.between(today, preferred.expectedArrival()));
                    return statistics.leadTimeStdDevDays(preferred.supplierId(), sku)
                            .chain(variability -> publishIfChanged(sku, chosen, mean, days(variability == null
                                    ? 0
                                    : variability), cause));
                });
    }

    private Uni<Void> publishIfChanged(String sku, Candidate chosen, BigDecimal mean, BigDecimal stdDev,
            Envelope cause) {
        var terms = chosen.terms();
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(UPSERT)
                        .setParameter(1, sku)
                        .setParameter(2, terms.supplierId())
                        .setParameter(3, terms.agreementId())
                        .setParameter(4, mean)
                        .setParameter(5, stdDev)
                        .setParameter(6, terms.minOrderQuantity())
                        .setParameter(7, terms.packSize())
                        .setParameter(8, Instant.now(clock))
                        .executeUpdate())
                .chain(changed -> changed == 0
                        ? Uni.createFrom().voidItem()
                        : outbox.publish(new SupplyTermsChanged(sku, terms.supplierId(), mean.doubleValue(),
                                stdDev.doubleValue(), terms.minOrderQuantity(), terms.packSize()), cause)
                                .replaceWithVoid());
    }

    private static BigDecimal days(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}
