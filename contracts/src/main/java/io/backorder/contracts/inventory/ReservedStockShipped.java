package io.backorder.contracts.inventory;

import java.util.UUID;

import io.backorder.contracts.Reply;

/** Reply to {@link ShipReservedStock}. {@code quantity} is zero when the shipment had been recorded before. */
public record ReservedStockShipped(UUID orderId, UUID lineId, String sku, int quantity, String shipmentId)
        implements
            Reply {

    @Override
    public String correlationId() {
        return orderId.toString();
    }
}
