package io.backorder.contracts.inventory;

import java.time.LocalDate;
import java.util.UUID;

import io.backorder.contracts.Event;

/**
 * The promise date of a backordered line moved (a supplier ETA changed, goods arrived, the queue ahead changed).
 * Emitted only when the date actually moved.
 */
public record PromiseDateChanged(UUID orderId, UUID lineId, String sku, LocalDate previousDate, LocalDate newDate,
        PromiseConfidence confidence, String reason) implements Event {

    @Override
    public String correlationId() {
        return orderId.toString();
    }
}
