package io.backorder.contracts.inventory;

import java.util.UUID;

/** The whole line is reserved from stock on hand. */
public record StockReserved(UUID orderId, UUID lineId, String sku, int quantity, String locationId)
        implements
            StockReservationResult {
}
