package io.backorder.contracts.order;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.backorder.contracts.CustomerTier;
import io.backorder.contracts.Event;

/**
 * A platform placed an order. Carries who ordered (for repeat-purchase rates and the priority breakdown of the
 * backorder queue) and what, before inventory has decided any line.
 */
public record OrderPlaced(UUID orderId, String customerId, CustomerTier customerTier, Instant placedAt,
        List<Line> lines) implements Event {

    public record Line(UUID lineId, String sku, int quantity) {
    }

    @Override
    public String correlationId() {
        return orderId.toString();
    }
}
