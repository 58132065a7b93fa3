package io.backorder.contracts.inventory;

import java.util.UUID;

import io.backorder.contracts.Reply;

/** Reply to {@link ReleaseStock}: what the line gave back (reserved units and backordered units). */
public record StockReleased(UUID orderId, UUID lineId, String sku, int releasedReserved, int releasedBackordered)
        implements
            Reply {

    @Override
    public String correlationId() {
        return orderId.toString();
    }
}
