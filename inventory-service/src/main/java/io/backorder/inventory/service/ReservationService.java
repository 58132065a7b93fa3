package io.backorder.inventory.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.contracts.Envelope;
import io.backorder.contracts.Message;
import io.backorder.contracts.inventory.BackorderRecorded;
import io.backorder.contracts.inventory.LineBackordered;
import io.backorder.contracts.inventory.LineRejected;
import io.backorder.contracts.inventory.RejectionReason;
import io.backorder.contracts.inventory.ReleaseStock;
import io.backorder.contracts.inventory.ReserveStock;
import io.backorder.contracts.inventory.StockReleased;
import io.backorder.contracts.inventory.StockReservationResult;
import io.backorder.contracts.inventory.StockReserved;
import io.backorder.inventory.AllocationCause;
import io.backorder.inventory.DemandDelta;
import io.backorder.inventory.InboundSupply;
import io.backorder.inventory.LineReservation;
import io.backorder.inventory.LineStatus;
import io.backorder.inventory.OrderLine;
import io.backorder.inventory.PromiseCalculator.Promise;
import io.backorder.inventory.ReservationDecision;
import io.backorder.inventory.Sku;
import io.backorder.inventory.Stock;
import io.backorder.inventory.repository.InboundSupplyRepository;
import io.backorder.inventory.repository.LineReservationRepository;
import io.backorder.inventory.repository.OrderLineRepository;
import io.backorder.inventory.repository.QueueRepository;
import io.backorder.inventory.repository.SkuRepository;
import io.backorder.inventory.repository.StockRepository;
import io.backorder.support.messaging.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Reserves stock for order lines and releases it. Never oversells: the SKU rows are locked in SKU order before any
 * stock is read, and the database refuses reserved above on hand. Backordered lines join their SKU's queue, which is
 * then promised again; released units go to the next waiting lines in the same transaction.
 */
@ApplicationScoped
public class ReservationService {

    private final SkuRepository skus;
    private final StockRepository stock;
    private final OrderLineRepository lines;
    private final LineReservationRepository reservations;
    private final InboundSupplyRepository inbound;
    private final QueueRepository queue;
    private final QueueService queues;
    private final Outbox outbox;
    private final Clock clock;

    public ReservationService(SkuRepository skus, StockRepository stock, OrderLineRepository lines,
            LineReservationRepository reservations, InboundSupplyRepository inbound, QueueRepository queue,
            QueueService queues, Outbox outbox, Clock clock) {
        this.skus = skus;
        this.stock = stock;
        this.lines = lines;
        this.reservations = reservations;
        this.inbound = inbound;
        this.queue = queue;
        this.queues = queues;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Decides every line of the command and replies per line. A line decided before (a retried command) gets its
     * earlier outcome again, unchanged.
     */
    @WithTransaction
    public Uni<List<StockReservationResult>> reserve(ReserveStock command, Envelope cause) {
        List<UUID> lineIds = command.lines().stream().map(ReserveStock.Line::lineId).toList();
        return lines.byIds(lineIds).flatMap(known -> {
            Map<UUID, OrderLine> decided = known.stream()
                    .collect(Collectors.toMap(line -> line.lineId, Function.identity()));
            List<ReserveStock.Line> undecided = command.lines()
                    .stream()
                    .filter(line -> !decided.containsKey(line.lineId()))
                    .toList();
            if (undecided.isEmpty()) {
                List<StockReservationResult> replayed = command.lines()
                        .stream()
                        .map(line -> resultOf(decided.get(line.lineId()), null))
                        .toList();
                return outbox.publishAll(replayed, cause).replaceWith(replayed);
            }
            TreeSet<String> skuIds = undecided.stream()
                    .map(ReserveStock.Line::sku)
                    .collect(Collectors.toCollection(TreeSet::new));
            return skus.lockInOrder(skuIds)
                    .flatMap(locked -> stock.lockForSkus(skuIds)
                            .flatMap(rows -> decideSequentially(command, undecided, locked, rows))
                            .flatMap(created -> {
                                created.forEach(line -> decided.put(line.lineId, line));
                                return settleAndReply(command, locked, decided, created, cause);
                            }));
        });
    }

    /** Lines are decided one after another so that two lines of the same SKU see each other's reservations. */
    private Uni<List<OrderLine>> decideSequentially(ReserveStock command, List<ReserveStock.Line> undecided,
            List<Sku> locked, List<Stock> stockRows) {
        Map<String, Sku> bySku = locked.stream().collect(Collectors.toMap(sku -> sku.sku, Function.identity()));
        List<OrderLine> created = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (ReserveStock.Line requested : undecided) {
            chain = chain.chain(() -> decide(command, requested, bySku.get(requested.sku()), stockRows)
                    .invoke(created::add)
                    .replaceWithVoid());
        }
        return chain.replaceWith(created);
    }

    private Uni<OrderLine> decide(ReserveStock command, ReserveStock.Line requested, Sku sku, List<Stock> stockRows) {
        OrderLine line = newLine(command, requested);
        if (sku == null) {
            line.reject(RejectionReason.UNKNOWN_SKU);
            return lines.persist(line);
        }
        Optional<Stock> best = stockRows.stream()
                .filter(row -> row.id.sku.equals(sku.sku))
                .max(Comparator.comparingInt(Stock::available)
                        .thenComparing(row -> row.id.locationId, Comparator.reverseOrder()));
        int available = best.map(Stock::available).orElse(0);
        LocalDate today = LocalDate.now(clock);
        return capFacts(sku, requested.quantity(), available, today).flatMap(facts -> {
            ReservationDecision decision = ReservationDecision.decide(sku, requested.quantity(), available,
                    command.shipComplete(), facts.waiting(), facts.confirmedInbound(), today);
            if (decision.rejected()) {
                line.reject(decision.rejection());
                return lines.persist(line);
            }
            String location = best.map(row -> row.id.locationId).orElse(null);
            line.reserveAndBackorder(location, decision.reserve(), decision.backorder(), decision.kind());
            Uni<OrderLine> saved = lines.persist(line);
            if (decision.reserve() > 0) {
                best.get().reserve(decision.reserve());
                saved = saved.call(() -> reservations.persist(LineReservation.of(line.lineId, location,
                        decision.reserve())));
            }
            return saved;
        });
    }

    /** Units of the SKU already waiting and confirmed inbound units, for a backorder cap. */
    private record CapFacts(int waiting, int confirmedInbound) {
    }

    private Uni<CapFacts> capFacts(Sku sku, int quantity, int available, LocalDate today) {
        if (!ReservationDecision.needsCapFacts(sku, quantity, available, today)) {
            return Uni.createFrom().item(new CapFacts(0, 0));
        }
        return lines.backorderedUnits(sku.sku)
                .flatMap(waiting -> inbound.openForSku(sku.sku)
                        .map(supply -> new CapFacts(
                                waiting.intValue(),
                                supply.stream()
                                        .filter(s -> s.confirmed)
                                        .mapToInt(InboundSupply::openQuantity)
                                        .sum())));
    }

    /**
     * Records the demand, queues the new backorders by priority and replies. Every reservation of a busy SKU waits
     * for its lock, held until the commit; so when no line joins a queue, the remaining writes (demand, reply, the new
     * lines, the stock) go out together, pipelined on the transaction's connection, rather than one round trip after
     * another.
     */
    private Uni<List<StockReservationResult>> settleAndReply(ReserveStock command, List<Sku> locked,
            Map<UUID, OrderLine> decided, List<OrderLine> created, Envelope cause) {
        Uni<Void> demand = queue.recordDemand(created.stream()
                .filter(line -> line.rejectionReason != RejectionReason.UNKNOWN_SKU)
                .map(line -> DemandDelta.ordered(line.sku, LocalDate.ofInstant(line.orderedAt, clock.getZone()),
                        line.quantity, line.backordered, line.status == LineStatus.REJECTED ? line.quantity : 0))
                .toList());
        Set<UUID> newBackorders = created.stream()
                .filter(line -> line.status == LineStatus.BACKORDERED)
                .map(line -> line.lineId)
                .collect(Collectors.toSet());
        if (newBackorders.isEmpty()) {
            List<StockReservationResult> results = results(command, decided, created, Map.of());
            Outbox.Prepared reply = outbox.prepare(messages(results, created, Map.of()), cause);
            return Uni.join()
                    .all(demand, outbox.insert(reply), Panache.getSession().chain(session -> session.flush()))
                    .andFailFast()
                    .replaceWith(results);
        }
        Set<String> queuesJoined = created.stream()
                .filter(line -> newBackorders.contains(line.lineId))
                .map(line -> line.sku)
                .collect(Collectors.toSet());
        List<Sku> affected = locked.stream().filter(sku -> queuesJoined.contains(sku.sku)).toList();
        return demand
                .chain(() -> queues.settle(affected, QueueService.Trigger.newBackorders(
                        command.orderId().toString(), newBackorders), cause))
                .flatMap(settlement -> {
                    List<StockReservationResult> results = results(command, decided, created,
                            settlement.promises());
                    return outbox.publishAll(messages(results, created, settlement.promises()), cause)
                            .replaceWith(results);
                });
    }

    /** One result per line of the command, in its order; a new backorder with the promise its queue just gave. */
    private static List<StockReservationResult> results(ReserveStock command, Map<UUID, OrderLine> decided,
            List<OrderLine> created, Map<UUID, Promise> promises) {
        Set<UUID> createdIds = created.stream().map(line -> line.lineId).collect(Collectors.toSet());
        return command.lines()
                .stream()
                .map(line -> resultOf(decided.get(line.lineId()),
                        createdIds.contains(line.lineId()) ? promises.get(line.lineId()) : null))
                .toList();
    }

    /** The results and, for every new backorder, its BackorderRecorded. */
    private static List<Message> messages(List<StockReservationResult> results, List<OrderLine> created,
            Map<UUID, Promise> promises) {
        List<Message> messages = new ArrayList<>(results);
        created.stream()
                .filter(line -> line.initialBackordered > 0)
                .map(line -> new BackorderRecorded(line.orderId, line.lineId, line.sku, line.initialBackordered,
                        promises.get(line.lineId).date(), line.kind))
                .forEach(messages::add);
        return messages;
    }

    private OrderLine newLine(ReserveStock command, ReserveStock.Line requested) {
        OrderLine line = new OrderLine();
        line.lineId = requested.lineId();
        line.orderId = command.orderId();
        line.customerId = command.customerId();
        line.sku = requested.sku();
        line.quantity = requested.quantity();
        line.customerTier = command.customerTier();
        line.orderValue = command.orderValue();
        line.orderedAt = command.orderPlacedAt();
        line.shipComplete = command.shipComplete();
        line.latestAcceptableDate = command.latestAcceptableDate();
        line.createdAt = Instant.now(clock);
        return line;
    }

    /**
     * The outcome as first decided. A new backorder takes its promise from the queue just settled (the entity is not
     * refreshed after the set-based promise update); a replayed one, its first promise.
     */
    private static StockReservationResult resultOf(OrderLine line, Promise newPromise) {
        if (line.status == LineStatus.REJECTED) {
            return new LineRejected(line.orderId, line.lineId, line.sku, line.rejectionReason);
        }
        if (line.initialBackordered > 0) {
            return new LineBackordered(line.orderId, line.lineId, line.sku, line.initialReserved,
                    line.initialBackordered, line.kind,
                    newPromise != null ? newPromise.date() : line.firstPromiseDate,
                    newPromise != null ? newPromise.confidence() : line.firstConfidence);
        }
        return new StockReserved(line.orderId, line.lineId, line.sku, line.quantity, line.locationId);
    }

    /**
     * Compensation of {@link #reserve}: reserved units go back to stock and at once to the next waiting lines,
     * backorder positions are dropped and the lines behind move up. Every requested line gets a reply, also one
     * released before or never reserved (with nothing given back), so that a retried compensation always completes.
     */
    @WithTransaction
    public Uni<List<StockReleased>> release(ReleaseStock command, Envelope cause) {
        return lines.byIds(command.lineIds()).flatMap(found -> {
            Map<UUID, OrderLine> byId = found.stream()
                    .collect(Collectors.toMap(line -> line.lineId, Function.identity()));
            List<OrderLine> open = found.stream().filter(OrderLine::isOpen).toList();
            if (open.isEmpty()) {
                return publishReleased(command, byId, Map.of(), cause);
            }
            TreeSet<String> skuIds = open.stream().map(line -> line.sku).collect(Collectors.toCollection(TreeSet::new));
            return queues.lockWithPartners(skuIds)
                    .flatMap(locked -> stock.lockForSkus(locked.stream().map(sku -> sku.sku).toList())
                            .flatMap(rows -> reservations.forLines(open.stream().map(line -> line.lineId).toList())
                                    .flatMap(held -> releaseAll(command, open, held, rows)))
                            .flatMap(released -> queues.settle(locked, QueueService.Trigger.allocation(
                                    AllocationCause.RELEASE, command.orderId().toString(),
                                    "an order ahead in the queue was cancelled"), cause)
                                    .replaceWith(released)))
                    .flatMap(released -> publishReleased(command, byId, released, cause));
        });
    }

    private record Released(int reserved, int backordered) {
    }

    private Uni<Map<UUID, Released>> releaseAll(ReleaseStock command, List<OrderLine> open,
            List<LineReservation> held, List<Stock> rows) {
        Map<String, Stock> stockByKey = rows.stream()
                .collect(Collectors.toMap(row -> row.id.sku + '\n' + row.id.locationId, Function.identity()));
        Map<UUID, List<LineReservation>> heldByLine = held.stream()
                .collect(Collectors.groupingBy(reservation -> reservation.id.lineId));
        Map<UUID, Released> released = new HashMap<>();
        List<DemandDelta> cancellations = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        boolean ourDelay = ReleaseStock.DELAY_REASONS.contains(command.reason());
        for (OrderLine line : open) {
            int backordered = line.backordered;
            List<LineReservation> lineReservations = heldByLine.getOrDefault(line.lineId, List.of());
            int units = line.release();
            int fromReservations = lineReservations.stream().mapToInt(r -> r.units).sum();
            if (fromReservations != units) {
                throw new IllegalStateException("Line " + line.lineId + " holds " + units + " units but its "
                        + "reservations add up to " + fromReservations);
            }
            lineReservations.forEach(r -> stockByKey.get(line.sku + '\n' + r.id.locationId).unreserve(r.units));
            released.put(line.lineId, new Released(units, backordered));
            cancellations.add(DemandDelta.cancelled(line.sku, today, units + backordered, ourDelay));
        }
        Uni<Void> deleted = held.isEmpty()
                ? Uni.createFrom().voidItem()
                : reservations.delete("id.lineId in ?1", open.stream().map(line -> line.lineId).toList())
                        .replaceWithVoid();
        return deleted.chain(() -> queue.recordDemand(cancellations)).replaceWith(released);
    }

    private Uni<List<StockReleased>> publishReleased(ReleaseStock command, Map<UUID, OrderLine> byId,
            Map<UUID, Released> released, Envelope cause) {
        List<StockReleased> results = command.lineIds().stream().map(lineId -> {
            OrderLine line = byId.get(lineId);
            Released units = released.getOrDefault(lineId, new Released(0, 0));
            return new StockReleased(command.orderId(), lineId, line == null ? null : line.sku, units.reserved(),
                    units.backordered());
        }).toList();
        return outbox.publishAll(results, cause).replaceWith(results);
    }
}
