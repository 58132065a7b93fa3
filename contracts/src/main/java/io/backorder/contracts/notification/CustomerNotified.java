package io.backorder.contracts.notification;

import java.util.UUID;

import io.backorder.contracts.Event;

/**
 * Outcome of a {@link SendCustomerMessage}: delivered on which channels, or suppressed (throttled, coalesced,
 * opted out) and why. Order-service adds it to the order's timeline.
 */
public record CustomerNotified(UUID orderId, CustomerMessageKind kind, String deduplicationKey, String outcome,
        String channels) implements Event {

    @Override
    public String correlationId() {
        return orderId.toString();
    }
}
