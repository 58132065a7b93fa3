package io.backorder.contracts.inventory;

import java.time.LocalDate;
import java.util.UUID;

import io.backorder.contracts.Event;

/**
 * Inventory position of a SKU fell to its reorder point: supplier-service should buy {@code quantity} units by
 * {@code needBy}. {@code explanation} says how the quantity was computed (forecast, lead time, safety stock,
 * position); {@code urgent} when backorders are already waiting. {@code pinnedSupplierId} is set when an operator
 * chose the supplier; otherwise supplier-service chooses. The quantity is what the planner needs; supplier-service
 * rounds it to the chosen agreement's minimum order quantity and pack size.
 */
public record ReplenishmentRequested(UUID requestId, String sku, String locationId, int quantity, LocalDate needBy,
        boolean urgent, String explanation, String pinnedSupplierId) implements Event {

    @Override
    public String correlationId() {
        return requestId.toString();
    }
}
