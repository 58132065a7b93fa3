package io.backorder.supplier.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.contracts.Envelope;
import io.backorder.contracts.inventory.GoodsReceived;
import io.backorder.supplier.GoodsReceipt;
import io.backorder.supplier.PurchaseOrder;
import io.backorder.supplier.PurchaseOrderLine;
import io.backorder.supplier.repository.GoodsReceiptRepository;
import io.backorder.supplier.repository.PurchaseOrderLineRepository;
import io.backorder.supplier.repository.PurchaseOrderRepository;
import io.backorder.support.messaging.InvalidMessageException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Warehouse receipts against purchase-order lines. A receipt is a fact: it is recorded whatever state the line is
 * in, counted once per receipt id, and dated when it happened (the event's time), not when it was processed.
 */
@ApplicationScoped
public class ReceiptService {

    private final PurchaseOrderRepository orders;
    private final PurchaseOrderLineRepository lines;
    private final GoodsReceiptRepository receipts;
    private final SupplyTermsService supplyTerms;
    private final Clock clock;

    public ReceiptService(PurchaseOrderRepository orders, PurchaseOrderLineRepository lines,
            GoodsReceiptRepository receipts, SupplyTermsService supplyTerms, Clock clock) {
        this.orders = orders;
        this.lines = lines;
        this.receipts = receipts;
        this.supplyTerms = supplyTerms;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Void> record(GoodsReceived receipt, Envelope envelope) {
        if (receipt.receiptId() == null || receipt.quantity() < 1 || receipt.sku() == null) {
            throw new InvalidMessageException("A receipt needs an id, a SKU and a positive quantity");
        }
        if (receipt.purchaseOrderId() == null) {
            Log.debugf("Receipt %s is not against a purchase order; nothing to update", receipt.receiptId());
            return Uni.createFrom().voidItem();
        }
        String key = receipt.receiptId() + "/" + receipt.sku() + "/"
                + (receipt.purchaseOrderLineId() == null ? "" : receipt.purchaseOrderLineId());
        return receipts.recorded(key).flatMap(known -> {
            if (known) {
                Log.infof("Receipt line %s was recorded before", key);
                return Uni.createFrom().voidItem();
            }
            return orders.lock(receipt.purchaseOrderId()).flatMap(po -> {
                if (po == null) {
                    Log.warnf("Receipt %s names unknown purchase order %s; ignored", receipt.receiptId(),
                            receipt.purchaseOrderId());
                    return Uni.createFrom().voidItem();
                }
                return lines.ofOrder(po.id).flatMap(orderLines -> apply(receipt, key, envelope, po, orderLines));
            });
        });
    }

    private Uni<Void> apply(GoodsReceived receipt, String key, Envelope envelope, PurchaseOrder po,
            List<PurchaseOrderLine> orderLines) {
        PurchaseOrderLine line = matchingLine(receipt, orderLines);
        if (line == null) {
            Log.warnf("Receipt %s of %s matches no line of %s; ignored", receipt.receiptId(), receipt.sku(), po.id);
            return Uni.createFrom().voidItem();
        }
        LocalDate receivedOn = LocalDate.ofInstant(envelope.time(), clock.getZone());
        line.receive(receipt.quantity(), receivedOn);
        po.refresh(orderLines, Instant.now(clock));
        GoodsReceipt recorded = new GoodsReceipt();
        recorded.id = UUID.randomUUID();
        recorded.receiptId = receipt.receiptId();
        recorded.receiptKey = key;
        recorded.purchaseOrderId = po.id;
        recorded.purchaseOrderLineId = line.id;
        recorded.sku = receipt.sku();
        recorded.locationId = receipt.locationId();
        recorded.quantity = receipt.quantity();
        recorded.receivedOn = receivedOn;
        recorded.recordedAt = Instant.now(clock);
        // A completed line moves the supplier's statistics, and with them possibly the terms planners use.
        return receipts.persist(recorded).chain(() -> supplyTerms.refresh(List.of(line.sku), envelope));
    }

    /** The named line, or when inventory did not name one, the line of the SKU still waiting for the most units. */
    private static PurchaseOrderLine matchingLine(GoodsReceived receipt, List<PurchaseOrderLine> orderLines) {
        if (receipt.purchaseOrderLineId() != null) {
            return orderLines.stream()
                    .filter(line -> line.id.equals(receipt.purchaseOrderLineId()) && line.sku.equals(receipt.sku()))
                    .findFirst()
                    .orElse(null);
        }
        return orderLines.stream()
                .filter(line -> line.sku.equals(receipt.sku()))
                .max(Comparator.comparingInt(PurchaseOrderLine::undelivered).thenComparing(line -> -line.lineNumber))
                .orElse(null);
    }
}
