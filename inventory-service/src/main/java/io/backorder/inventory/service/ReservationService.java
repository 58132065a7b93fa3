package io.backorder.inventory.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.contracts.Envelope;
import io.backorder.contracts.inventory.LineBackordered;
import io.backorder.contracts.inventory.LineRejected;
import io.backorder.contracts.inventory.RejectionReason;
import io.backorder.contracts.inventory.ReleaseStock;
import io.backorder.contracts.inventory.ReserveStock;
import io.backorder.contracts.inventory.StockReleased;
import io.backorder.contracts.inventory.StockReservationResult;
import io.backorder.contracts.inventory.StockReserved;
import io.backorder.inventory.InboundSupply;
import io.backorder.inventory.LineStatus;
import io.backorder.inventory.OrderLine;
import io.backorder.inventory.PromiseCalculator;
import io.backorder.inventory.ReservationDecision;
import io.backorder.inventory.Sku;
import io.backorder.inventory.Stock;
import io.backorder.inventory.repository.InboundSupplyRepository;
import io.backorder.inventory.repository.OrderLineRepository;
import io.backorder.inventory.repository.SkuRepository;
import io.backorder.inventory.repository.StockRepository;
import io.backorder.support.messaging.Outbox;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Reserves stock for order lines and releases it. Never oversells: the SKU rows are locked in SKU order before any
 * stock is read, and the database refuses reserved above on hand.
 */
@ApplicationScoped
public class ReservationService {

    private final SkuRepository skus;
    private final StockRepository stock;
    private final OrderLineRepository lines;
    private final InboundSupplyRepository inbound;
    private final Outbox outbox;
    private final Clock clock;

    public ReservationService(SkuRepository skus, StockRepository stock, OrderLineRepository lines,
            InboundSupplyRepository inbound, Outbox outbox, Clock clock) {
        this.skus = skus;
        this.stock = stock;
        this.lines = lines;
        this.inbound = inbound;
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
            TreeSet<String> skuIds = undecided.stream()
                    .map(ReserveStock.Line::sku)
                    .collect(Collectors.toCollection(TreeSet::new));
            Uni<List<OrderLine>> decideNew = skuIds.isEmpty()
                    ? Uni.createFrom().item(List.of())
                    : skus.lockInOrder(skuIds)
                            .flatMap(locked -> stock.lockForSkus(skuIds)
                                    .flatMap(rows -> decideSequentially(command, undecided, locked, rows)));
            return decideNew.flatMap(created -> {
                created.forEach(line -> decided.put(line.lineId, line));
                List<StockReservationResult> results = command.lines()
                        .stream()
                        .map(line -> resultOf(decided.get(line.lineId())))
                        .toList();
                return outbox.publishAll(results, cause).replaceWith(results);
            });
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
                        .thenComparing(row -> row.id.locationId,
                                Comparator.reverseOrder()));
        int available = best.map(Stock::available).orElse(0);
        LocalDate today = LocalDate.now(clock);
        return lines.backorderedUnits(sku.sku).flatMap(waiting -> inbound.openForSku(sku.sku).flatMap(supply -> {
            int openInbound = supply.stream().filter(s -> s.confirmed).mapToInt(InboundSupply::openQuantity).sum();
            ReservationDecision decision = ReservationDecision.decide(sku, requested.quantity(), available,
                    command.shipComplete(), waiting.intValue(), openInbound, today);
            if (decision.rejected()) {
                line.reject(decision.rejection());
                return lines.persist(line);
            }
            best.ifPresent(row -> row.reserve(decision.reserve()));
            line.reserveAndBackorder(best.map(row -> row.id.locationId).orElse(null), decision.reserve(),
                    decision.backorder(), decision.kind());
            if (decision.backorder() > 0) {
                PromiseCalculator.Promise promise = PromiseCalculator.promise(waiting.intValue()
                        + decision.backorder(), supply.stream().map(InboundSupply::asSupply).toList(), today,
                        sku.leadTimeDays, sku.launchDate);
                line.promise(promise.date(), promise.confidence());
            }
            return lines.persist(line);
        }));
    }

    private OrderLine newLine(ReserveStock command, ReserveStock.Line requested) {
        OrderLine line = new OrderLine();
        line.lineId = requested.lineId();
        line.orderId = command.orderId();
        line.sku = requested.sku();
        line.quantity = requested.quantity();
        line.customerTier = command.customerTier();
        line.orderValue = command.orderValue();
        line.orderedAt = command.orderPlacedAt();
        line.shipComplete = command.shipComplete();
        line.createdAt = Instant.now(clock);
        return line;
    }

    private static StockReservationResult resultOf(OrderLine line) {
        if (line.status == LineStatus.REJECTED) {
            return new LineRejected(line.orderId, line.lineId, line.sku, line.rejectionReason);
        }
        if (line.kind != null) {
            return new LineBackordered(line.orderId, line.lineId, line.sku, line.reserved + line.shipped,
                    line.quantity - line.reserved - line.shipped, line.kind, line.firstPromiseDate,
                    line.confidence);
        }
        return new StockReserved(line.orderId, line.lineId, line.sku, line.quantity, line.locationId);
    }

    /**
     * Compensation of {@link #reserve}: reserved units go back to stock, backorder positions are dropped. Every
     * requested line gets a reply, also one released before or never reserved (with nothing given back), so that a
     * retried compensation always completes.
     */
    @WithTransaction
    public Uni<List<StockReleased>> release(ReleaseStock command, Envelope cause) {
        return lines.byIds(command.lineIds()).flatMap(found -> {
            Map<UUID, OrderLine> byId = found.stream()
                    .collect(Collectors.toMap(line -> line.lineId, Function.identity()));
            TreeSet<String> skuIds = found.stream()
                    .filter(OrderLine::isOpen)
                    .map(line -> line.sku)
                    .collect(Collectors.toCollection(TreeSet::new));
            Uni<List<Stock>> locked = skuIds.isEmpty()
                    ? Uni.createFrom().item(List.of())
                    : skus.lockInOrder(skuIds).flatMap(ignored -> stock.lockForSkus(skuIds));
            return locked.flatMap(rows -> {
                List<StockReleased> results = command.lineIds()
                        .stream()
                        .map(lineId -> releaseLine(command.orderId(), lineId, byId.get(lineId), rows))
                        .toList();
                return outbox.publishAll(results, cause).replaceWith(results);
            });
        });
    }

    private static StockReleased releaseLine(UUID orderId, UUID lineId, OrderLine line, List<Stock> rows) {
        if (line == null || !line.isOpen()) {
            return new StockReleased(orderId, lineId, line == null ? null : line.sku, 0, 0);
        }
        int backordered = line.backordered;
        String location = line.locationId;
        int units = line.release();
        rows.stream()
                .filter(row -> row.id.sku.equals(line.sku) && row.id.locationId.equals(location))
                .findFirst()
                .ifPresent(row -> row.unreserve(units));
        return new StockReleased(orderId, lineId, line.sku, units, backordered);
    }
}
