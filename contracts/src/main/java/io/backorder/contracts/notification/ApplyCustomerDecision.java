package io.backorder.contracts.notification;

import java.util.UUID;

import io.backorder.contracts.Command;

/** The customer chose an option of an offer on the order page (and confirmed it). */
public record ApplyCustomerDecision(UUID orderId, UUID offerId, UUID decisionId, OfferOptionKind option,
        UUID lineId, String alternativeSku) implements Command {

    @Override
    public String correlationId() {
        return orderId.toString();
    }
}
