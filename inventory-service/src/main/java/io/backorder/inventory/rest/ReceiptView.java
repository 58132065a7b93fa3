package io.backorder.inventory.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A recorded receipt and which waiting lines got units in its transaction, with the priority that decided it. */
public record ReceiptView(UUID receiptId, String locationId, String receivedBy, Instant createdAt, String note,
        List<ReceiptRequest.Line> lines, List<Allocation> allocations) {

    public record Allocation(UUID lineId, UUID orderId, String sku, String locationId, int units,
            double priorityScore, String explanation) {
    }
}
