package io.backorder.contracts.supplier;

import io.backorder.contracts.Event;

/**
 * The terms the replenishment planner should assume for a SKU changed: the preferred agreement's lead time, the
 * observed lead-time variability of its supplier (from promised vs actual deliveries), and its minimum order
 * quantity and pack size.
 */
public record SupplyTermsChanged(String sku, String supplierId, double leadTimeMeanDays, double leadTimeStdDevDays,
        int minimumOrderQuantity, int packSize) implements Event {

    @Override
    public String correlationId() {
        return sku;
    }
}
