package io.backorder.contracts.inventory;

import java.util.UUID;

/** The line cannot be ordered at all; nothing is held for it. */
public record LineRejected(UUID orderId, UUID lineId, String sku, RejectionReason reason)
        implements
            StockReservationResult {
}
