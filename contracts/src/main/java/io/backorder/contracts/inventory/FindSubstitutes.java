package io.backorder.contracts.inventory;

import java.util.UUID;

import io.backorder.contracts.Command;

/** Which in-stock SKUs of the same substitution group could replace this backordered line? */
public record FindSubstitutes(UUID orderId, UUID lineId, String sku, int quantity) implements Command {

    @Override
    public String correlationId() {
        return orderId.toString();
    }
}
