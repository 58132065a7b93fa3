package io.backorder.contracts.supplier;

import java.time.LocalDate;
import java.util.UUID;

import io.backorder.contracts.Event;

/** A backordered line will be shipped by a supplier straight to the customer; it no longer waits for stock. */
public record DropshipArranged(UUID orderId, UUID lineId, String sku, int quantity, String supplierId,
        String purchaseOrderId, LocalDate eta) implements Event {

    @Override
    public String correlationId() {
        return orderId.toString();
    }
}
