package io.backorder.inventory.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.contracts.Envelope;
import io.backorder.contracts.supplier.DropshipArranged;
import io.backorder.contracts.supplier.EtaChanged;
import io.backorder.contracts.supplier.PurchaseOrderIssued;
import io.backorder.contracts.supplier.PurchaseOrderLineCancelled;
import io.backorder.inventory.InboundSupply;
import io.backorder.inventory.Location;
import io.backorder.inventory.Sku;
import io.backorder.inventory.repository.InboundSupplyRepository;
import io.backorder.inventory.repository.OrderLineRepository;
import io.backorder.inventory.repository.SkuRepository;
import io.backorder.support.messaging.InvalidMessageException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Supply news from supplier-service: purchase orders become inbound supply, ETAs move it, cancellations remove it,
 * and dropshipped lines leave the queue. Each change re-promises the SKU's queue and tells the lines whose date moved.
 * Every handler locks the SKU before it reads the supply or line it changes, and is idempotent per business key: a
 * repeated event finds nothing left to change.
 */
@ApplicationScoped
public class SupplyService {

    private final SkuRepository skus;
    private final InboundSupplyRepository inbound;
    private final OrderLineRepository lines;
    private final QueueService queues;

    public SupplyService(SkuRepository skus, InboundSupplyRepository inbound, OrderLineRepository lines,
            QueueService queues) {
        this.skus = skus;
        this.inbound = inbound;
        this.lines = lines;
        this.queues = queues;
    }

    @WithTransaction
    public Uni<Void> purchaseOrderIssued(PurchaseOrderIssued event, Envelope cause) {
        Set<String> skuIds = event.lines()
                .stream()
                .map(PurchaseOrderIssued.Line::sku)
                .collect(Collectors.toCollection(TreeSet::new));
        return Panache.getSession()
                .chain(session -> session.find(Location.class, event.locationId()))
                .onItem()
                .ifNull()
                .failWith(() -> new InvalidMessageException("Purchase order " + event.purchaseOrderId()
                        + " is for unknown location " + event.locationId()))
                .chain(() -> skus.lockInOrder(skuIds))
                .chain(locked -> {
                    Set<String> unknown = new TreeSet<>(skuIds);
                    locked.forEach(sku -> unknown.remove(sku.sku));
                    if (!unknown.isEmpty()) {
                        throw new InvalidMessageException("Purchase order " + event.purchaseOrderId()
                                + " names unknown SKUs " + unknown);
                    }
                    return inbound.byPurchaseOrderLines(event.lines()
                            .stream()
                            .map(PurchaseOrderIssued.Line::purchaseOrderLineId)
                            .toList()).chain(known -> {
                                Set<String> recorded = known.stream()
                                        .map(supply -> supply.purchaseOrderLineId)
                                        .collect(Collectors.toSet());
                                List<InboundSupply> added = event.lines()
                                        .stream()
                                        .filter(line -> !recorded.contains(line.purchaseOrderLineId()))
                                        .map(line -> InboundSupply.issued(event.purchaseOrderId(),
                                                line.purchaseOrderLineId(), event.supplierId(), line.sku(),
                                                event.locationId(), line.quantity(), line.expectedDate()))
                                        .toList();
                                if (added.isEmpty()) {
                                    return Uni.createFrom().voidItem();
                                }
                                Set<String> supplied = added.stream().map(s -> s.sku).collect(Collectors.toSet());
                                return inbound.persist(added)
                                        .chain(() -> queues.settle(
                                                locked.stream().filter(sku -> supplied.contains(sku.sku)).toList(),
                                                QueueService.Trigger.promisesOnly("purchase order "
                                                        + event.purchaseOrderId() + " brings new supply"),
                                                cause))
                                        .replaceWithVoid();
                            });
                });
    }

    @WithTransaction
    public Uni<Void> etaChanged(EtaChanged event, Envelope cause) {
        return lockedPurchaseOrderLine(event.purchaseOrderLineId(), (sku, supply) -> {
            if (!supply.isOpen()) {
                Log.infof("ETA change for %s purchase-order line %s ignored", supply.status,
                        supply.purchaseOrderLineId);
                return Uni.createFrom().voidItem();
            }
            LocalDate before = supply.eta;
            if (!supply.changeEta(event.newEta(), event.confirmed())) {
                return Uni.createFrom().voidItem();
            }
            String reason = "the supplier " + (event.confirmed() ? "confirmed" : "expects") + " purchase-order line "
                    + supply.purchaseOrderLineId + " for " + event.newEta()
                    + (before == null || before.equals(event.newEta()) ? "" : " instead of " + before);
            return queues.settle(List.of(sku), QueueService.Trigger.promisesOnly(reason), cause).replaceWithVoid();
        });
    }

    @WithTransaction
    public Uni<Void> purchaseOrderLineCancelled(PurchaseOrderLineCancelled event, Envelope cause) {
        return lockedPurchaseOrderLine(event.purchaseOrderLineId(), (sku, supply) -> {
            if (!supply.isOpen()) {
                return Uni.createFrom().voidItem();
            }
            supply.cancel(event.reason());
            return queues.settle(List.of(sku), QueueService.Trigger.promisesOnly("purchase-order line "
                    + supply.purchaseOrderLineId + " was cancelled: " + event.reason()), cause).replaceWithVoid();
        });
    }

    /**
     * The line's waiting units leave the queue (kept visible as dropshipped); the lines behind it move up. Units
     * already allocated to the line stay reserved: the order decides whether to ship or release them.
     */
    @WithTransaction
    public Uni<Void> dropshipArranged(DropshipArranged event, Envelope cause) {
        return lines.skuOf(event.lineId())
                .onItem()
                .ifNull()
                .failWith(() -> new InvalidMessageException("Dropship arranged for unknown line " + event.lineId()))
                .chain(skuId -> skus.lockInOrder(List.of(skuId)))
                .chain(locked -> lines.findById(event.lineId()).chain(line -> {
                    int dropped = line.dropship(event.quantity());
                    if (dropped == 0) {
                        Log.infof("Dropship of line %s changes nothing: it is %s and waits for no units",
                                line.lineId, line.status);
                        return Uni.createFrom().voidItem();
                    }
                    return queues.settle(locked, QueueService.Trigger.promisesOnly("a line ahead in the queue "
                            + "is shipped by the supplier directly"), cause).replaceWithVoid();
                }));
    }

    private interface PurchaseOrderLineChange {
        Uni<Void> apply(Sku lockedSku, InboundSupply supply);
    }

    /**
     * Locks the SKU of a purchase-order line, then loads the line: read after the lock, it cannot be changed
     * concurrently. An event for a line not known yet (its PurchaseOrderIssued is being redelivered) fails, so the
     * broker redelivers it later.
     */
    private Uni<Void> lockedPurchaseOrderLine(String purchaseOrderLineId, PurchaseOrderLineChange change) {
        return inbound.skuOfPurchaseOrderLine(purchaseOrderLineId)
                .onItem()
                .ifNull()
                .failWith(() -> new IllegalStateException("Purchase-order line " + purchaseOrderLineId
                        + " is not known (yet)"))
                .chain(skuId -> skus.lockInOrder(List.of(skuId)))
                .chain(locked -> inbound.byPurchaseOrderLine(purchaseOrderLineId)
                        .chain(supply -> change.apply(locked.get(0), supply)));
    }
}
