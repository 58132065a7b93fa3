package io.backorder.inventory.rest;

import java.util.List;

/**
 * Stock of a SKU, keeping three things apart: available (can be promised now), reserved (sold and waiting to be
 * shipped: the fulfilment backlog) and backordered (sold, waiting for supply).
 */
public record StockView(String sku, int onHand, int reserved, int available, int backordered, int inbound,
        List<LocationStock> locations) {

    public record LocationStock(String locationId, int onHand, int reserved, int available, int safetyStock) {
    }
}
