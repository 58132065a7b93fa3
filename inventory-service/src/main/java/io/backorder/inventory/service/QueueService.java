package io.backorder.inventory.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.contracts.Envelope;
import io.backorder.contracts.inventory.PromiseConfidence;
import io.backorder.contracts.inventory.PromiseDateChanged;
import io.backorder.contracts.inventory.StockAllocated;
import io.backorder.inventory.AllocationCause;
import io.backorder.inventory.Allocator;
import io.backorder.inventory.InboundSupply;
import io.backorder.inventory.PriorityPolicy;
import io.backorder.inventory.PriorityPolicy.Ranked;
import io.backorder.inventory.PromiseCalculator;
import io.backorder.inventory.PromiseCalculator.Promise;
import io.backorder.inventory.Sku;
import io.backorder.inventory.Stock;
import io.backorder.inventory.WaitingLine;
import io.backorder.inventory.config.InventoryConfig;
import io.backorder.inventory.repository.InboundSupplyRepository;
import io.backorder.inventory.repository.QueueRepository;
import io.backorder.inventory.repository.QueueRepository.AllocationRow;
import io.backorder.inventory.repository.QueueRepository.PromiseRow;
import io.backorder.inventory.repository.SkuRepository;
import io.backorder.inventory.repository.StockRepository;
import io.backorder.inventory.rest.QueueView;
import io.backorder.support.messaging.Outbox;
import io.backorder.support.rest.NotFoundProblem;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * Keeps the backorder queues of SKUs settled after anything that changes them: free units go to waiting lines by
 * priority ({@link Allocator}), then every waiting line is promised again ({@link PromiseCalculator}) and the lines
 * whose date moved are told. Runs inside the caller's transaction, after the caller has locked the SKUs with
 * {@link #lockWithPartners} or {@link SkuRepository#lockInOrder}.
 */
@ApplicationScoped
public class QueueService {

    /** Why the queues are settled; without an allocation cause only promises are recomputed. */
    public record Trigger(AllocationCause cause, String reference, String reason, Set<UUID> newLines) {

        public static Trigger allocation(AllocationCause cause, String reference, String reason) {
            return new Trigger(cause, reference, reason, Set.of());
        }

        public static Trigger promisesOnly(String reason) {
            return new Trigger(null, null, reason, Set.of());
        }

        /** New lines joined the queue: they are promised in their reply, the lines they overtook are told. */
        public static Trigger newBackorders(String reference, Set<UUID> newLines) {
            return new Trigger(AllocationCause.RESERVATION, reference,
                    "a new backorder with a higher priority joined the queue ahead", newLines);
        }
    }

    /** Units of one grant taken at one location. */
    public record Placement(Allocator.Grant grant, String locationId, int units, int remainingWaiting) {
    }

    /**
     * @param promises the promise of every line still waiting (and of new lines completed at once), by line
     * @param promiseChanges lines whose promise date moved and were told
     */
    public record Settlement(List<Placement> placements, List<Allocator.Hold> holds, Map<UUID, Promise> promises,
            int promiseChanges, Map<String, Integer> unallocated) {
    }

    private final SkuRepository skus;
    private final StockRepository stock;
    private final InboundSupplyRepository inbound;
    private final QueueRepository queue;
    private final Outbox outbox;
    private final Clock clock;
    private final PriorityPolicy.Weights weights;

    public QueueService(SkuRepository skus, StockRepository stock, InboundSupplyRepository inbound,
            QueueRepository queue, Outbox outbox, Clock clock, InventoryConfig config) {
        this.skus = skus;
        this.stock = stock;
        this.inbound = inbound;
        this.queue = queue;
        this.outbox = outbox;
        this.clock = clock;
        this.weights = config.priority().weights();
    }

    /**
     * Locks the SKUs together with the other SKUs that ship-complete orders waiting for them also wait for: an
     * allocation may only complete such an order when it can complete every line of it, so it needs those queues too.
     * All rows are locked in SKU order, so no two transactions deadlock. Unknown SKUs are left out.
     */
    public Uni<List<Sku>> lockWithPartners(Collection<String> skuIds) {
        return queue.shipCompletePartnerSkus(skuIds).chain(partners -> {
            TreeSet<String> all = new TreeSet<>(skuIds);
            all.addAll(partners);
            return skus.lockInOrder(all);
        });
    }

    public Uni<Settlement> settle(List<Sku> locked, Trigger trigger, Envelope cause) {
        if (locked.isEmpty()) {
            return Uni.createFrom().item(new Settlement(List.of(), List.of(), Map.of(), 0, Map.of()));
        }
        List<String> skuIds = locked.stream().map(sku -> sku.sku).toList();
        // Bulk reads below bypass the persistence context: it must have written what the caller changed.
        return Panache.getSession()
                .chain(session -> session.flush())
                .chain(() -> stock.forSkus(skuIds))
                .chain(rows -> queue.waiting(skuIds).chain(waiting -> {
                    LocalDate today = LocalDate.now(clock);
                    List<Ranked> ranked = PriorityPolicy.rank(waiting, today, clock.getZone(), weights);
                    Map<String, Integer> free = freeBySku(skuIds, rows);
                    boolean allocate = trigger.cause() != null && !ranked.isEmpty()
                            && free.values().stream().anyMatch(units -> units > 0);
                    Uni<Set<UUID>> blocked = allocate
                            ? queue.ordersWaitingElsewhere(waiting.stream()
                                    .filter(WaitingLine::shipComplete)
                                    .map(WaitingLine::orderId)
                                    .collect(Collectors.toSet()), skuIds)
                            : Uni.createFrom().item(Set.of());
                    return blocked.chain(ordersWaitingElsewhere -> {
                        Allocator.Result result = allocate
                                ? Allocator.allocate(ranked, free, ordersWaitingElsewhere)
                                : Allocator.Result.none(free);
                        List<Placement> placements = place(result.grants(), rows);
                        return record(placements, trigger, cause)
                                .chain(() -> repromise(locked, ranked, result.grants(), rows, trigger, cause))
                                .map(promised -> new Settlement(placements, result.holds(), promised.promises(),
                                        promised.changes(), result.unallocated()));
                    });
                }));
    }

    private static Map<String, Integer> freeBySku(List<String> skuIds, List<Stock> rows) {
        Map<String, Integer> free = new HashMap<>();
        skuIds.forEach(sku -> free.put(sku, 0));
        rows.forEach(row -> free.merge(row.id.sku, row.available(), Integer::sum));
        return free;
    }

    /** Reserves the granted units at their locations (on the locked, managed stock rows). */
    private static List<Placement> place(List<Allocator.Grant> grants, List<Stock> rows) {
        Map<String, Map<String, Integer>> freeByLocation = new HashMap<>();
        Map<String, Stock> byKey = new HashMap<>();
        for (Stock row : rows) {
            freeByLocation.computeIfAbsent(row.id.sku, sku -> new HashMap<>())
                    .put(row.id.locationId, row.available());
            byKey.put(row.id.sku + '\n' + row.id.locationId, row);
        }
        List<Placement> placements = new ArrayList<>();
        for (Allocator.Grant grant : grants) {
            WaitingLine line = grant.line();
            Map<String, Integer> taken = Allocator.takeFromLocations(grant.units(), line.locationId(),
                    freeByLocation.get(line.sku()));
            taken.forEach((location, units) -> {
                byKey.get(line.sku() + '\n' + location).reserve(units);
                placements.add(new Placement(grant, location, units, line.waiting() - grant.units()));
            });
        }
        return placements;
    }

    private Uni<Void> record(List<Placement> placements, Trigger trigger, Envelope cause) {
        if (placements.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<AllocationRow> allocations = new ArrayList<>(placements.size());
        List<String> explanations = new ArrayList<>(placements.size());
        for (Placement placement : placements) {
            Allocator.Grant grant = placement.grant();
            WaitingLine line = grant.line();
            PriorityPolicy.Score score = grant.ranked().score();
            String explanation = truncate(grant.explanation());
            explanations.add(explanation);
            allocations.add(new AllocationRow(line.lineId(), line.orderId(), line.sku(), placement.locationId(),
                    placement.units(), score.total(), score.tier(), score.value(), score.age(), score.slip(),
                    explanation));
        }
        // The allocation statements are sent first (subscribed first, they go out at once); the StockAllocated
        // messages are written while the database applies them, and inserted after them on the same connection, in
        // the same transaction. If the allocation fails, the transaction fails with it.
        Uni<Outbox.Prepared> messages = Uni.createFrom().item(() -> {
            List<StockAllocated> events = new ArrayList<>(placements.size());
            for (int i = 0; i < placements.size(); i++) {
                Placement placement = placements.get(i);
                WaitingLine line = placement.grant().line();
                events.add(new StockAllocated(line.orderId(), line.lineId(), line.sku(), placement.units(),
                        placement.remainingWaiting(), placement.locationId(),
                        placement.grant().ranked().score().total(), explanations.get(i)));
            }
            return outbox.prepare(events, cause);
        });
        return Uni.combine()
                .all()
                .unis(queue.applyAllocations(allocations, trigger.cause().name(), trigger.reference()), messages)
                .with(results -> (Outbox.Prepared) results.get(1))
                .chain(outbox::insert);
    }

    private record Repromised(Map<UUID, Promise> promises, int changes) {
    }

    /**
     * Promises every line still waiting, in queue order per SKU, from the stock still free and the open supply.
     * Lines granted everything just now are ready to ship: new lines among them are promised for the next handling
     * day, the others were told by their StockAllocated.
     */
    private Uni<Repromised> repromise(List<Sku> locked, List<Ranked> ranked, List<Allocator.Grant> grants,
            List<Stock> rows, Trigger trigger, Envelope cause) {
        Map<UUID, Integer> granted = new HashMap<>();
        grants.forEach(grant -> granted.merge(grant.line().lineId(), grant.units(), Integer::sum));
        Map<String, Sku> bySku = locked.stream().collect(Collectors.toMap(sku -> sku.sku, Function.identity()));
        LocalDate today = LocalDate.now(clock);
        return inbound.openForSkus(bySku.keySet()).chain(openSupply -> {
            Map<String, List<PromiseCalculator.Supply>> supplyBySku = openSupply.stream()
                    .collect(Collectors.groupingBy(supply -> supply.sku,
                            Collectors.mapping(InboundSupply::asSupply, Collectors.toList())));
            Map<String, List<WaitingLine>> stillWaiting = new LinkedHashMap<>();
            Map<UUID, Promise> promises = new HashMap<>();
            List<PromiseRow> updates = new ArrayList<>();
            for (Ranked entry : ranked) {
                WaitingLine line = entry.line();
                int left = line.waiting() - granted.getOrDefault(line.lineId(), 0);
                if (left > 0) {
                    stillWaiting.computeIfAbsent(line.sku(), sku -> new ArrayList<>()).add(line.withWaiting(left));
                } else if (trigger.newLines().contains(line.lineId())) {
                    Promise now = new Promise(today.plusDays(PromiseCalculator.HANDLING_DAYS),
                            PromiseConfidence.HIGH);
                    promises.put(line.lineId(), now);
                    updates.add(new PromiseRow(line.lineId(), now.date(), now.confidence()));
                }
            }
            List<PromiseDateChanged> changes = new ArrayList<>();
            stillWaiting.forEach((skuId, lines) -> {
                Sku sku = bySku.get(skuId);
                int free = rows.stream().filter(row -> row.id.sku.equals(skuId)).mapToInt(Stock::available).sum();
                List<Promise> queuePromises = PromiseCalculator.promiseQueue(
                        lines.stream().map(WaitingLine::waiting).toList(),
                        new PromiseCalculator.Position(free, supplyBySku.getOrDefault(skuId, List.of()), today,
                                sku.leadTimeDays, sku.launchDate));
                for (int i = 0; i < lines.size(); i++) {
                    WaitingLine line = lines.get(i);
                    Promise promise = queuePromises.get(i);
                    promises.put(line.lineId(), promise);
                    boolean moved = !promise.date().equals(line.promiseDate());
                    if (moved || promise.confidence() != line.confidence()) {
                        updates.add(new PromiseRow(line.lineId(), promise.date(), promise.confidence()));
                    }
                    if (moved && line.promiseDate() != null && !trigger.newLines().contains(line.lineId())) {
                        changes.add(new PromiseDateChanged(line.orderId(), line.lineId(), skuId, line.promiseDate(),
                                promise.date(), promise.confidence(), trigger.reason()));
                    }
                }
            });
            return queue.applyPromises(updates)
                    .chain(() -> outbox.publishAll(changes, cause))
                    .replaceWith(new Repromised(promises, changes.size()));
        });
    }

    /** The SKU's queue in allocation order with each line's live priority breakdown. */
    @WithSession
    public Uni<QueueView> view(String skuId) {
        return skus.findById(skuId)
                .onItem()
                .ifNull()
                .failWith(() -> new NotFoundProblem("No SKU " + skuId))
                .chain(sku -> stock.forSku(skuId)
                        .chain(rows -> queue.waiting(List.of(skuId))
                                .chain(waiting -> inbound.openForSku(skuId)
                                        .map(supply -> queueView(skuId, rows, waiting, supply)))));
    }

    private QueueView queueView(String skuId, List<Stock> rows, List<WaitingLine> waiting,
            List<InboundSupply> supply) {
        List<Ranked> ranked = PriorityPolicy.rank(waiting, LocalDate.now(clock), clock.getZone(), weights);
        List<QueueView.Line> lines = new ArrayList<>();
        int through = 0;
        for (Ranked entry : ranked) {
            WaitingLine line = entry.line();
            PriorityPolicy.Score score = entry.score();
            through += line.waiting();
            lines.add(new QueueView.Line(lines.size() + 1, line.lineId(), line.orderId(), line.kind(),
                    line.waiting(), line.reserved(), through, line.promiseDate(), line.firstPromiseDate(),
                    line.confidence(), line.shipComplete(), line.latestAcceptableDate(),
                    line.latestAcceptableDate() != null && line.promiseDate() != null
                            && line.promiseDate().isAfter(line.latestAcceptableDate()),
                    line.tier(), line.orderValue(), line.orderedAt(), new QueueView.Priority(score.total(),
                            score.tier(), score.value(), score.age(), score.slip(), score.explanation())));
        }
        return new QueueView(skuId, rows.stream().mapToInt(Stock::available).sum(), through, supply.stream()
                .map(s -> new QueueView.Supply(s.purchaseOrderId, s.purchaseOrderLineId, s.supplierId, s.locationId,
                        s.openQuantity(), s.eta, s.confirmed))
                .toList(), lines);
    }

    private static String truncate(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 997) + "...";
    }
}
