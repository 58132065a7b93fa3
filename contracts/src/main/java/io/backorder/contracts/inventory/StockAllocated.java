package io.backorder.contracts.inventory;

import java.util.UUID;

import io.backorder.contracts.Event;

/**
 * Received goods were allocated to a backordered line (now reserved for it). {@code remainingBackordered} is zero
 * when the line is complete; {@code priorityScore} and {@code explanation} say why this line was served first.
 */
public record StockAllocated(UUID orderId, UUID lineId, String sku, int quantity, int remainingBackordered,
        String locationId, double priorityScore, String explanation) implements Event {

    @Override
    public String correlationId() {
        return orderId.toString();
    }
}
