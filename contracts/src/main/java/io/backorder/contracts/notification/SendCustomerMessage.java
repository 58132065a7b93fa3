package io.backorder.contracts.notification;

import java.util.Set;
import java.util.UUID;

import io.backorder.contracts.Command;

/**
 * Tell a customer about their order by email and/or SMS, with a link to the order's page. {@code allowedActions}
 * bounds what the link may do (e.g. decide on the offer, update the payment method). Notification-service throttles,
 * coalesces and de-duplicates; {@code deduplicationKey} identifies the same business message across retries.
 */
public record SendCustomerMessage(UUID orderId, CustomerMessageKind kind, CustomerContact contact,
        OrderSnapshot order, OfferSnapshot offer, Set<LinkAction> allowedActions, String deduplicationKey)
        implements
            Command {

    @Override
    public String correlationId() {
        return orderId.toString();
    }
}
