package io.backorder.contracts.inventory;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.backorder.contracts.Command;

/**
 * Compensation of {@link ReserveStock}: give back the reservations and backorder positions of these lines.
 * {@code reason} is free text for people, except for the values in {@link #DELAY_REASONS}: inventory's demand history
 * counts those units as cancelled because of our delay (a planner treats them as demand we lost), anything else as
 * another cancellation.
 */
public record ReleaseStock(UUID orderId, List<UUID> lineIds, String reason) implements Command {

    /** The customer cancelled because the backorder takes too long (after a slipped promise or a delay offer). */
    public static final String REASON_CUSTOMER_DECLINED_DELAY = "CUSTOMER_DECLINED_DELAY";
    /** The promise passed the customer's latest acceptable date, or an unanswered delay offer expired into a cancel. */
    public static final String REASON_DELAY_EXPIRED = "DELAY_EXPIRED";
    public static final Set<String> DELAY_REASONS = Set.of(REASON_CUSTOMER_DECLINED_DELAY, REASON_DELAY_EXPIRED);

    @Override
    public String correlationId() {
        return orderId.toString();
    }
}
