package io.backorder.contracts.order;

import java.util.UUID;

import io.backorder.contracts.Event;

/**
 * An order line was cancelled. {@code becauseOfDelay} is true when the customer declined a slipped promise or the
 * delay offer expired into a cancellation: a sale lost to the delay.
 */
public record LineCancelled(UUID orderId, UUID lineId, String sku, int quantity, String reason,
        boolean becauseOfDelay) implements Event {

    @Override
    public String correlationId() {
        return orderId.toString();
    }
}
