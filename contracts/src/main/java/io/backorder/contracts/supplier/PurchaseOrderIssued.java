package io.backorder.contracts.supplier;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.backorder.contracts.Event;

/**
 * A purchase order went to a supplier; its lines become inbound supply (not yet confirmed).
 * {@code replenishmentRequestId} names the {@code ReplenishmentRequested} the order answers, so inventory can close
 * its suggestion; null for orders an operator placed by hand or that replace another order's line. Added after
 * schema version 1 without a version change: older readers ignore it, older messages read as null.
 */
public record PurchaseOrderIssued(String purchaseOrderId, String supplierId, String locationId, List<Line> lines,
        UUID replenishmentRequestId)
        implements
            Event {

    public record Line(String purchaseOrderLineId, String sku, int quantity, LocalDate expectedDate) {
    }

    @Override
    public String correlationId() {
        return purchaseOrderId;
    }
}
