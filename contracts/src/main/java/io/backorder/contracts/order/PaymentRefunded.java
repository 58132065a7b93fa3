package io.backorder.contracts.order;

import java.math.BigDecimal;
import java.util.UUID;

import io.backorder.contracts.Event;

/** The payment provider refunded a captured amount for a line. */
public record PaymentRefunded(UUID orderId, UUID lineId, BigDecimal amount, String currency) implements Event {

    @Override
    public String correlationId() {
        return orderId.toString();
    }
}
