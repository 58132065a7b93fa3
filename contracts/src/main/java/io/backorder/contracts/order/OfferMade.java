package io.backorder.contracts.order;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.backorder.contracts.Event;
import io.backorder.contracts.notification.OfferOptionKind;

/** A slipped backorder line got an offer; without an answer by {@code expiresAt} it settles into {@code fallback}. */
public record OfferMade(UUID orderId, UUID offerId, UUID lineId, String sku, List<OfferOptionKind> options,
        OfferOptionKind fallback, Instant expiresAt) implements Event {

    @Override
    public String correlationId() {
        return orderId.toString();
    }
}
