package io.backorder.order.saga;

import java.util.Set;
import java.util.UUID;

import io.backorder.contracts.notification.CustomerMessageKind;
import io.backorder.contracts.notification.LinkAction;

/**
 * A message for the customer decided by a saga step. It becomes a {@code SendCustomerMessage} with a snapshot of
 * the order as the step left it.
 *
 * @param offerId the offer to include, or null
 */
public record CustomerNotice(CustomerMessageKind kind, UUID offerId, Set<LinkAction> actions,
        String deduplicationKey) {
}
