package io.backorder.contracts.notification;

import java.time.Instant;
import java.util.UUID;

import io.backorder.contracts.Event;

/**
 * A customer clicked "contact us" in a message or on the customer page: customer-service load. {@code orderId} is
 * null for a link that could not be attributed, {@code messageKind} (the kind of
 * message the link was in) null when the click came from the page.
 */
public record ContactClicked(UUID orderId, String via, String messageKind, Instant clickedAt)
        implements
            Event {

    @Override
    public String correlationId() {
        return orderId == null ? "unattributed" : orderId.toString();
    }
}
