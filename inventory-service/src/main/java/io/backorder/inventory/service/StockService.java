package io.backorder.inventory.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.inventory.InboundSupply;
import io.backorder.inventory.Location;
import io.backorder.inventory.Stock;
import io.backorder.inventory.StockId;
import io.backorder.inventory.StockJournalEntry;
import io.backorder.inventory.repository.InboundSupplyRepository;
import io.backorder.inventory.repository.OrderLineRepository;
import io.backorder.inventory.repository.SkuRepository;
import io.backorder.inventory.repository.StockRepository;
import io.backorder.inventory.rest.StockAdjustmentRequest;
import io.backorder.inventory.rest.StockView;
import io.backorder.support.rest.NotFoundProblem;
import io.backorder.support.rest.UnprocessableProblem;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** On-hand stock per SKU and location; every change is journalled with its reason. */
@ApplicationScoped
public class StockService {

    private final SkuRepository skus;
    private final StockRepository stock;
    private final OrderLineRepository lines;
    private final InboundSupplyRepository inbound;

    public StockService(SkuRepository skus, StockRepository stock, OrderLineRepository lines,
            InboundSupplyRepository inbound) {
        this.skus = skus;
        this.stock = stock;
        this.lines = lines;
        this.inbound = inbound;
    }

    @WithTransaction
    public Uni<StockView> adjust(StockAdjustmentRequest request, String actor) {
        if (request.delta() == 0) {
            throw new UnprocessableProblem("An adjustment must change the quantity");
        }
        return skus.lockInOrder(List.of(request.sku())).flatMap(locked -> {
            if (locked.isEmpty()) {
                return Uni.createFrom().failure(new NotFoundProblem("No SKU " + request.sku()));
            }
            return Panache.getSession()
                    .flatMap(session -> session.find(Location.class, request.locationId()))
                    .onItem()
                    .ifNull()
                    .failWith(() -> new NotFoundProblem("No location " + request.locationId()))
                    .flatMap(location -> stock.lockForSkus(List.of(request.sku())))
                    .flatMap(rows -> applyAdjustment(request, actor, rows));
        }).flatMap(ignored -> view(request.sku()));
    }

    private Uni<Stock> applyAdjustment(StockAdjustmentRequest request, String actor, List<Stock> rows) {
        StockId id = new StockId(request.sku(), request.locationId());
        Stock row = rows.stream().filter(r -> r.id.equals(id)).findFirst().orElse(null);
        boolean created = row == null;
        Stock target = created ? Stock.empty(request.sku(), request.locationId()) : row;
        try {
            target.adjustOnHand(request.delta());
        } catch (IllegalStateException e) {
            return Uni.createFrom().failure(new UnprocessableProblem(e.getMessage()));
        }
        StockJournalEntry entry = StockJournalEntry.of(target, request.delta(), request.reason().name(),
                request.note(), null, actor);
        Uni<Stock> saved = created ? stock.persist(target) : Uni.createFrom().item(target);
        return saved.call(() -> Panache.getSession().flatMap(session -> session.persist(entry)));
    }

    @WithSession
    public Uni<StockView> view(String sku) {
        return skus.findById(sku)
                .onItem()
                .ifNull()
                .failWith(() -> new NotFoundProblem("No SKU " + sku))
                .flatMap(found -> stock.forSku(sku))
                .flatMap(rows -> lines.backorderedUnits(sku)
                        .flatMap(backordered -> inbound.openForSku(sku)
                                .map(supply -> toView(sku, rows, backordered.intValue(), supply))));
    }

    private static StockView toView(String sku, List<Stock> rows, int backordered, List<InboundSupply> supply) {
        List<StockView.LocationStock> locations = rows.stream()
                .map(r -> new StockView.LocationStock(r.id.locationId, r.onHand, r.reserved, r.available(),
                        r.safetyStock))
                .toList();
        int onHand = rows.stream().mapToInt(r -> r.onHand).sum();
        int reserved = rows.stream().mapToInt(r -> r.reserved).sum();
        int inboundUnits = supply.stream().mapToInt(InboundSupply::openQuantity).sum();
        return new StockView(sku, onHand, reserved, onHand - reserved, backordered, inboundUnits, locations);
    }
}
