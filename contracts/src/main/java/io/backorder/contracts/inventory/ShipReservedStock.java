package io.backorder.contracts.inventory;

import java.util.UUID;

import io.backorder.contracts.Command;

/** Reserved units of a line left the warehouse: take them off on-hand and the reservation. */
public record ShipReservedStock(UUID orderId, UUID lineId, String sku, int quantity, String shipmentId)
        implements
            Command {

    @Override
    public String correlationId() {
        return orderId.toString();
    }
}
