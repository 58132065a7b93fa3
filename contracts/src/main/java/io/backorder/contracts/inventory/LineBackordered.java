package io.backorder.contracts.inventory;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Some or all units of the line wait for supply. {@code reservedQuantity} units were reserved from stock on hand (zero
 * when the order ships complete or nothing was available); the rest is a backorder (or a pre-order) with a promise.
 */
public record LineBackordered(
        UUID orderId,
        UUID lineId,
        String sku,
        int reservedQuantity,
        int backorderedQuantity,
        BackorderKind kind,
        LocalDate promiseDate,
        PromiseConfidence confidence) implements StockReservationResult {
}
