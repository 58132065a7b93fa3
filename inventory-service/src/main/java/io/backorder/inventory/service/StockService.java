package io.backorder.inventory.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.inventory.AllocationCause;
import io.backorder.inventory.InboundSupply;
import io.backorder.inventory.Location;
import io.backorder.inventory.Stock;
import io.backorder.inventory.StockId;
import io.backorder.inventory.StockJournalEntry;
import io.backorder.inventory.repository.InboundSupplyRepository;
import io.backorder.inventory.repository.QueueRepository;
import io.backorder.inventory.repository.SkuRepository;
import io.backorder.inventory.repository.StockJournalRepository;
import io.backorder.inventory.repository.StockRepository;
import io.backorder.inventory.rest.BacklogView;
import io.backorder.inventory.rest.DemandView;
import io.backorder.inventory.rest.JournalEntryView;
import io.backorder.inventory.rest.StockAdjustmentRequest;
import io.backorder.inventory.rest.StockView;
import io.backorder.support.rest.NotFoundProblem;
import io.backorder.support.rest.UnprocessableProblem;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * On-hand stock per SKU and location; every change is journalled with its reason, and units it frees go to the
 * waiting lines at once.
 */
@ApplicationScoped
public class StockService {

    /** How far back the stock view counts refused demand. */
    private static final int REJECTED_WINDOW_DAYS = 30;

    private final SkuRepository skus;
    private final StockRepository stock;
    private final InboundSupplyRepository inbound;
    private final StockJournalRepository journal;
    private final QueueRepository queue;
    private final QueueService queues;
    private final Clock clock;

    public StockService(SkuRepository skus, StockRepository stock, InboundSupplyRepository inbound,
            StockJournalRepository journal, QueueRepository queue, QueueService queues, Clock clock) {
        this.skus = skus;
        this.stock = stock;
        this.inbound = inbound;
        this.journal = journal;
        this.queue = queue;
        this.queues = queues;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<StockView> adjust(StockAdjustmentRequest request, String actor) {
        if (request.delta() == 0) {
            throw new UnprocessableProblem("An adjustment must change the quantity");
        }
        return requireLocation(request.locationId())
                .chain(() -> queues.lockWithPartners(List.of(request.sku())))
                .chain(locked -> {
                    if (locked.stream().noneMatch(sku -> sku.sku.equals(request.sku()))) {
                        return Uni.createFrom().failure(new NotFoundProblem("No SKU " + request.sku()));
                    }
                    return stock.lockForSkus(List.of(request.sku()))
                            .chain(rows -> applyOnHand(request.sku(), request.locationId(), new ArrayList<>(rows),
                                    row -> request.delta(), request.reason().name(), request.note(), null, actor))
                            .chain(entry -> queues.settle(locked, QueueService.Trigger.allocation(
                                    AllocationCause.ADJUSTMENT, "journal:" + entry.id,
                                    "stock of " + request.sku() + " was adjusted"), null));
                })
                .chain(() -> view(request.sku()));
    }

    /**
     * Changes on-hand of one SKU at one location and journals it; the caller has locked the SKU and passes its locked
     * stock rows, to which a row created on first use of the location is added.
     */
    public Uni<StockJournalEntry> applyOnHand(String sku, String locationId, List<Stock> lockedRows,
            ToIntFunction<Stock> delta,
            String reason, String note, String reference, String actor) {
        StockId id = new StockId(sku, locationId);
        Stock row = lockedRows.stream().filter(r -> r.id.equals(id)).findFirst().orElse(null);
        boolean created = row == null;
        Stock target = created ? Stock.empty(sku, locationId) : row;
        int change = delta.applyAsInt(target);
        try {
            target.adjustOnHand(change);
        } catch (IllegalStateException e) {
            return Uni.createFrom().failure(new UnprocessableProblem(e.getMessage()));
        }
        StockJournalEntry entry = StockJournalEntry.of(target, change, reason, note, reference, actor);
        if (created) {
            lockedRows.add(target);
        }
        Uni<Stock> saved = created ? stock.persist(target) : Uni.createFrom().item(target);
        return saved.chain(() -> journal.persist(entry));
    }

    public Uni<Location> requireLocation(String locationId) {
        return Panache.getSession()
                .chain(session -> session.find(Location.class, locationId))
                .onItem()
                .ifNull()
                .failWith(() -> new NotFoundProblem("No location " + locationId));
    }

    @WithSession
    public Uni<StockView> view(String skuId) {
        LocalDate today = LocalDate.now(clock);
        return skus.findById(skuId)
                .onItem()
                .ifNull()
                .failWith(() -> new NotFoundProblem("No SKU " + skuId))
                .flatMap(sku -> stock.forSku(skuId)
                        .flatMap(rows -> queue.waiting(List.of(skuId))
                                .flatMap(waiting -> inbound.openForSku(skuId)
                                        .flatMap(supply -> queue.backlogTotals(skuId, null)
                                                .flatMap(backlog -> queue
                                                        .demand(skuId, today.minusDays(REJECTED_WINDOW_DAYS), today)
                                                        .map(demand -> StockView.of(sku, today, rows,
                                                                waiting.stream().mapToInt(w -> w.waiting()).sum(),
                                                                waiting.size(), backlog.lines(),
                                                                supply.stream()
                                                                        .mapToInt(InboundSupply::openQuantity)
                                                                        .sum(),
                                                                demand.stream()
                                                                        .mapToInt(d -> d.rejectedUnits())
                                                                        .sum())))))));
    }

    @WithSession
    public Uni<List<JournalEntryView>> journal(String sku, int page, int size) {
        return skus.findById(sku)
                .onItem()
                .ifNull()
                .failWith(() -> new NotFoundProblem("No SKU " + sku))
                .chain(found -> journal.forSku(sku, page, size))
                .map(entries -> entries.stream().map(JournalEntryView::of).toList());
    }

    /** Demand history per day, oldest first; days without demand are left out. */
    @WithSession
    public Uni<List<DemandView>> demand(String sku, LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new UnprocessableProblem("from " + from + " is after to " + to);
        }
        return skus.findById(sku)
                .onItem()
                .ifNull()
                .failWith(() -> new NotFoundProblem("No SKU " + sku))
                .chain(found -> queue.demand(sku, from, to))
                .map(rows -> rows.stream()
                        .map(d -> new DemandView(d.day(), d.orderedUnits(), d.backorderedUnits(), d.rejectedUnits(),
                                d.cancelledDelayUnits(), d.cancelledOtherUnits()))
                        .toList());
    }

    @WithSession
    public Uni<BacklogView> backlog(String sku, String locationId, int page, int size) {
        return queue.backlogTotals(sku, locationId)
                .chain(totals -> queue.backlog(sku, locationId, page, size)
                        .map(lines -> new BacklogView(totals.lines(), totals.units(), lines.stream()
                                .map(line -> new BacklogView.Line(line.lineId(), line.orderId(), line.sku(),
                                        line.status(), line.reserved(), line.backordered(), line.allocated(),
                                        line.orderedAt(), reservations(line.reservations())))
                                .toList())));
    }

    private static Map<String, Integer> reservations(String encoded) {
        if (encoded == null) {
            return Map.of();
        }
        return Arrays.stream(encoded.split(","))
                .map(part -> part.split("="))
                .collect(Collectors.toMap(part -> part[0], part -> Integer.parseInt(part[1]),
                        Integer::sum, TreeMap::new));
    }
}
