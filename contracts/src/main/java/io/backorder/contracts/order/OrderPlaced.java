package io.backorder.contracts.order;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.backorder.contracts.CustomerTier;
import io.backorder.contracts.Event;

/**
 * A platform placed an order. Carries who ordered (for repeat-purchase rates and the priority breakdown of the
 * backorder queue) and what, before inventory has decided any line.
 *
 * @param quoteId the checkout quote the order was placed from ({@code BackorderQuoted}); null when the platform did
 *        not name one. Added after the first version: it is last and optional, so a message without it still reads
 *        (as null) and a reader that does not know it ignores it; the schema version stays 1.
 */
public record OrderPlaced(UUID orderId, String customerId, CustomerTier customerTier, Instant placedAt,
        List<Line> lines, UUID quoteId) implements Event {

    public record Line(UUID lineId, String sku, int quantity) {
    }

    @Override
    public String correlationId() {
        return orderId.toString();
    }
}
