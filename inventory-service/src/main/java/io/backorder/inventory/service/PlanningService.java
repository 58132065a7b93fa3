package io.backorder.inventory.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.contracts.inventory.DemandForecastUpdated;
import io.backorder.contracts.inventory.ReplenishmentRequested;
import io.backorder.contracts.supplier.PurchaseOrderIssued;
import io.backorder.inventory.InboundSupply;
import io.backorder.inventory.Location;
import io.backorder.inventory.ReplenishmentPlan;
import io.backorder.inventory.ReplenishmentSuggestion;
import io.backorder.inventory.Sku;
import io.backorder.inventory.Stock;
import io.backorder.inventory.SuggestionState;
import io.backorder.inventory.SupplyTerms;
import io.backorder.inventory.config.InventoryConfig;
import io.backorder.inventory.repository.InboundSupplyRepository;
import io.backorder.inventory.repository.OrderLineRepository;
import io.backorder.inventory.repository.PlanningScheduleRepository;
import io.backorder.inventory.repository.QueueRepository;
import io.backorder.inventory.repository.SkuRepository;
import io.backorder.inventory.repository.StockRepository;
import io.backorder.inventory.repository.SuggestionRepository;
import io.backorder.planning.ReplenishmentPolicy;
import io.backorder.support.messaging.Outbox;
import io.backorder.support.rest.NotFoundProblem;
import io.backorder.support.rest.UnprocessableProblem;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * The replenishment planner: forecasts a SKU's demand from its history, sets safety stock and reorder point from
 * the supply terms and the SKU's service level, and keeps one open suggestion per SKU. A suggestion is requested
 * from supplier-service through the outbox when an operator approves it, or at once when auto-request applies; the
 * purchase order supplier-service issues for it closes it. A planning run holds the SKU's lock, the same lock every
 * reservation, release and receipt takes, so it plans on a consistent position and two runs for one SKU (two
 * replicas, a schedule and an operator) follow one another: the second finds the first one's suggestion.
 */
@ApplicationScoped
public class PlanningService {

    /** The planning of one SKU: the plan, the suggestion open after it, and what the run did. */
    public record Assessment(ReplenishmentPlan plan, ReplenishmentSuggestion computed,
            ReplenishmentSuggestion open, PlanningScheduleRepository.Schedule schedule, String outcome) {
    }

    private final SkuRepository skus;
    private final StockRepository stock;
    private final InboundSupplyRepository inbound;
    private final OrderLineRepository lines;
    private final QueueRepository queue;
    private final SuggestionRepository suggestions;
    private final PlanningScheduleRepository schedule;
    private final Outbox outbox;
    private final InventoryConfig.Planning config;
    private final Clock clock;

    public PlanningService(SkuRepository skus, StockRepository stock, InboundSupplyRepository inbound,
            OrderLineRepository lines, QueueRepository queue, SuggestionRepository suggestions,
            PlanningScheduleRepository schedule, Outbox outbox, InventoryConfig config, Clock clock) {
        this.skus = skus;
        this.stock = stock;
        this.inbound = inbound;
        this.lines = lines;
        this.queue = queue;
        this.suggestions = suggestions;
        this.schedule = schedule;
        this.outbox = outbox;
        this.config = config.planning();
        this.clock = clock;
    }

    /** Plans the SKU now: the open suggestion is created, kept, superseded or requested as the plan says. */
    @WithTransaction
    public Uni<Assessment> plan(String skuId, String trigger) {
        return skus.lockInOrder(List.of(skuId)).flatMap(locked -> {
            if (locked.isEmpty()) {
                throw new NotFoundProblem("No SKU " + skuId);
            }
            Sku sku = locked.get(0);
            return assess(sku).flatMap(assessed -> suggestions.lockOpen(sku.sku)
                    .flatMap(open -> decide(assessed, open, trigger))
                    .call(decided -> shareForecast(assessed.plan()))
                    .call(() -> schedule.planned(sku.sku, config.period()))
                    .flatMap(decided -> schedule.schedule(sku.sku)
                            .map(planned -> new Assessment(assessed.plan(), assessed.suggestion(), decided.open(),
                                    planned, decided.outcome()))));
        });
    }

    /** The plan as it would be made now, without changing anything. */
    @WithSession
    public Uni<Assessment> preview(String skuId) {
        return skus.findById(skuId)
                .onItem()
                .ifNull()
                .failWith(() -> new NotFoundProblem("No SKU " + skuId))
                .flatMap(sku -> assess(sku).flatMap(assessed -> suggestions.open(sku.sku)
                        .flatMap(open -> schedule.schedule(sku.sku)
                                .map(planned -> new Assessment(assessed.plan(), assessed.suggestion(), open, planned,
                                        "preview: nothing changed")))));
    }

    @WithSession
    public Uni<ReplenishmentSuggestion> suggestion(UUID id) {
        return suggestions.findById(id)
                .onItem()
                .ifNull()
                .failWith(() -> new NotFoundProblem("No replenishment suggestion " + id));
    }

    @WithSession
    public Uni<List<ReplenishmentSuggestion>> suggestions(SuggestionState state, String sku, int page, int size) {
        return suggestions.search(state, sku, page, size);
    }

    /** An operator approves the suggestion: it is requested from supplier-service. */
    @WithTransaction
    public Uni<ReplenishmentSuggestion> approve(UUID id, String operator) {
        return locked(id).call(suggestion -> request(suggestion, operator));
    }

    @WithTransaction
    public Uni<ReplenishmentSuggestion> changeQuantity(UUID id, int quantity, String operator) {
        return locked(id).invoke(suggestion -> suggestion.changeQuantity(quantity, operator, clock.instant()));
    }

    @WithTransaction
    public Uni<ReplenishmentSuggestion> pinSupplier(UUID id, String supplierId, String operator) {
        return locked(id).invoke(suggestion -> suggestion.pinSupplier(supplierId, operator, clock.instant()));
    }

    @WithTransaction
    public Uni<ReplenishmentSuggestion> dismiss(UUID id, String reason, String operator) {
        return locked(id).invoke(suggestion -> suggestion.dismiss(reason == null ? "dismissed by " + operator : reason,
                operator, clock.instant()));
    }

    /**
     * The purchase order answering a request was issued: its suggestion is ordered. Orders placed by hand carry no
     * request; a redelivered event finds the suggestion ordered already and changes nothing.
     */
    @WithTransaction
    public Uni<Void> purchaseOrderIssued(PurchaseOrderIssued event) {
        if (event.replenishmentRequestId() == null) {
            return Uni.createFrom().voidItem();
        }
        return suggestions.lock(event.replenishmentRequestId()).invoke(suggestion -> {
            if (suggestion == null) {
                Log.warnf("Purchase order %s answers replenishment request %s, which this service does not know",
                        event.purchaseOrderId(), event.replenishmentRequestId());
            } else if (suggestion.ordered(event.purchaseOrderId(), clock.instant())) {
                Log.infof("Replenishment of %s ordered with %s", suggestion.sku, event.purchaseOrderId());
            }
        }).replaceWithVoid();
    }

    private Uni<ReplenishmentSuggestion> locked(UUID id) {
        return suggestions.lock(id)
                .onItem()
                .ifNull()
                .failWith(() -> new NotFoundProblem("No replenishment suggestion " + id));
    }

    /** The plan and the suggestion it amounts to (unsaved; quantity 0 when nothing is to be ordered). */
    private record Assessed(ReplenishmentPlan plan, ReplenishmentSuggestion suggestion) {
    }

    private Uni<Assessed> assess(Sku sku) {
        LocalDate today = LocalDate.now(clock);
        LocalDate yesterday = today.minusDays(1);
        return Panache.getSession()
                .flatMap(session -> session.find(SupplyTerms.class, sku.sku))
                .flatMap(terms -> stock.forSku(sku.sku)
                        .flatMap(rows -> inbound.openForSku(sku.sku)
                                .flatMap(supply -> lines.backorderedUnits(sku.sku)
                                        .flatMap(backordered -> queue
                                                .demand(sku.sku, today.minusDays(config.historyDays()), yesterday)
                                                .flatMap(demand -> deliveryLocation(rows).map(location -> {
                                                    ReplenishmentPlan plan = ReplenishmentPlan.compute(inputs(sku,
                                                            terms, rows, supply, backordered.intValue(),
                                                            dailyDemand(demand, yesterday)));
                                                    return new Assessed(plan, ReplenishmentSuggestion.of(plan,
                                                            location, "", today, clock.instant()));
                                                }))))));
    }

    private ReplenishmentPlan.Inputs inputs(Sku sku, SupplyTerms terms, List<Stock> rows, List<InboundSupply> supply,
            int backordered, double[] demand) {
        ReplenishmentPolicy.Supply supplyTerms = terms == null
                ? new ReplenishmentPolicy.Supply(sku.leadTimeDays, 0, 1, 1)
                : new ReplenishmentPolicy.Supply(terms.leadTimeMeanDays.doubleValue(),
                        terms.leadTimeStdDevDays.doubleValue(), terms.minimumOrderQuantity, terms.packSize);
        ReplenishmentPolicy.Position position = new ReplenishmentPolicy.Position(
                rows.stream().mapToInt(row -> row.onHand).sum(),
                supply.stream().mapToInt(InboundSupply::openQuantity).sum(),
                rows.stream().mapToInt(row -> row.reserved).sum(), backordered);
        return new ReplenishmentPlan.Inputs(sku.sku, demand, sku.planningClass,
                config.serviceLevelOf(sku.planningClass), terms == null ? null : terms.supplierId, supplyTerms,
                position, config.reviewPeriodDays(), config.smoothing(), config.forecastDays());
    }

    /**
     * Daily demand from the first day with any up to yesterday, days without orders counted as zero. Demand is
     * every unit ordered, also those that had to wait (backordered) or were refused: demand the shop could not
     * serve is still demand. Cancellations are not subtracted; one caused by our own delay least of all.
     */
    private static double[] dailyDemand(List<QueueRepository.DemandRow> rows, LocalDate lastDay) {
        if (rows.isEmpty()) {
            return new double[0];
        }
        LocalDate first = rows.get(0).day();
        double[] demand = new double[(int) (lastDay.toEpochDay() - first.toEpochDay()) + 1];
        for (QueueRepository.DemandRow row : rows) {
            demand[(int) (row.day().toEpochDay() - first.toEpochDay())] = row.orderedUnits();
        }
        return demand;
    }

    /**
     * Demand history and the position are kept per SKU, so the SKU is planned as a whole and delivered to the
     * warehouse holding most of it (the first warehouse when none holds any).
     */
    private Uni<String> deliveryLocation(List<Stock> rows) {
        return rows.stream()
                .max((a, b) -> a.onHand != b.onHand
                        ? Integer.compare(a.onHand, b.onHand)
                        : b.id.locationId.compareTo(a.id.locationId))
                .map(row -> Uni.createFrom().item(row.id.locationId))
                .orElseGet(() -> Panache.getSession()
                        .flatMap(session -> session
                                .createSelectionQuery("from Location order by id", Location.class)
                                .setMaxResults(1)
                                .getResultList())
                        .map(found -> found.isEmpty() ? null : found.get(0).id));
    }

    /** The open suggestion after a run, and what the run did. */
    private record Decision(ReplenishmentSuggestion open, String outcome) {
    }

    private Uni<Decision> decide(Assessed assessed, ReplenishmentSuggestion open, String trigger) {
        Instant now = clock.instant();
        ReplenishmentPlan plan = assessed.plan();
        if (open != null && open.state == SuggestionState.REQUESTED) {
            if (open.requestedAt.plus(config.requestTimeout()).isAfter(now)) {
                return decided(open, "request " + open.id + " is waiting for its purchase order");
            }
            open.expire(now);
            open = null;
        }
        if (open != null && open.isChangedByOperator()) {
            return decided(open, "suggestion " + open.id + " was changed by " + open.changedBy
                    + " and waits for an operator");
        }
        if (!plan.ordersNow()) {
            if (open != null) {
                open.supersede(null, "a later plan orders nothing: " + plan.whyNoOrder(), now);
            }
            return decided(null, "nothing to order: " + plan.whyNoOrder());
        }
        if (open != null && open.suggestedQuantity == plan.suggestion().quantity()
                && open.urgent == plan.suggestion().urgent()) {
            return decided(open, "suggestion " + open.id + " still holds");
        }
        ReplenishmentSuggestion created = assessed.suggestion();
        if (created.locationId == null) {
            throw new UnprocessableProblem("There is no warehouse to deliver " + created.sku + " to");
        }
        created.trigger = trigger;
        if (open != null) {
            open.supersede(created.id, "replaced by a newer plan", now);
        }
        boolean auto = config.autoRequests(created.quantity);
        // A suggestion closed above (superseded or expired) is written before the new one is inserted: at most one
        // is open per SKU, checked by a unique index, and Hibernate would otherwise insert before it updates.
        return Panache.getSession()
                .flatMap(session -> session.flush())
                .chain(() -> suggestions.persist(created))
                .call(saved -> auto ? request(saved, ReplenishmentSuggestion.PLANNER) : Uni.createFrom().voidItem())
                .map(saved -> new Decision(saved, (auto ? "requested " : "proposed ") + saved.quantity + " units"));
    }

    private static Uni<Decision> decided(ReplenishmentSuggestion open, String outcome) {
        return Uni.createFrom().item(new Decision(open, outcome));
    }

    private Uni<Void> request(ReplenishmentSuggestion suggestion, String approvedBy) {
        suggestion.request(approvedBy, clock.instant());
        return outbox.publish(new ReplenishmentRequested(suggestion.id, suggestion.sku, suggestion.locationId,
                suggestion.quantity, suggestion.needBy, suggestion.urgent, suggestion.requestExplanation(),
                suggestion.pinnedSupplierId)).replaceWithVoid();
    }

    /**
     * Shares the forecast with suppliers when it changed: method and values rounded to tenths of a unit, so that a
     * run that moves nothing that matters sends nothing. A SKU never ordered has no forecast worth sharing.
     */
    private Uni<Void> shareForecast(ReplenishmentPlan plan) {
        if (plan.historyDays() == 0) {
            return Uni.createFrom().voidItem();
        }
        String fingerprint = plan.forecast().method() + ":" + Arrays.stream(plan.dailyForecast())
                .mapToObj(value -> String.format(Locale.ROOT, "%.1f", value))
                .collect(Collectors.joining(","));
        return schedule.sharedForecast(plan.sku()).flatMap(shared -> {
            if (fingerprint.equals(shared)) {
                return Uni.createFrom().voidItem();
            }
            List<Double> daily = Arrays.stream(plan.dailyForecast())
                    .map(value -> Math.round(value * 100) / 100.0)
                    .boxed()
                    .toList();
            int available = Math.max(0, plan.position().onHand() - plan.position().reserved());
            return outbox.publish(new DemandForecastUpdated(plan.sku(), LocalDate.now(clock).plusDays(1), daily,
                    plan.forecast().method().name(), plan.forecast().holdoutMae(), plan.forecast().holdoutBias(),
                    available))
                    .chain(() -> schedule.forecastShared(plan.sku(), fingerprint));
        });
    }
}
