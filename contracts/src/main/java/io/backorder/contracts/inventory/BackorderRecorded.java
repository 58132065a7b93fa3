package io.backorder.contracts.inventory;

import java.time.LocalDate;
import java.util.UUID;

import io.backorder.contracts.Event;

/**
 * A line started waiting for supply. Supplier-service uses it to consider dropshipping the line straight from a
 * supplier to the customer.
 */
public record BackorderRecorded(UUID orderId, UUID lineId, String sku, int quantity, LocalDate promiseDate,
        BackorderKind kind) implements Event {

    @Override
    public String correlationId() {
        return orderId.toString();
    }
}
