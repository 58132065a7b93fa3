package io.backorder.inventory.rest;

import java.time.LocalDate;
import java.util.List;

import io.backorder.inventory.BackorderPolicy;
import io.backorder.inventory.Sku;
import io.backorder.inventory.Stock;

/**
 * Stock of a SKU, keeping three things apart: what can be sold now ({@code available}), the fulfilment backlog (sold
 * and reserved, waiting to be picked and shipped: {@code reserved}, {@code backlogLines}) and backorders (sold, waiting
 * for supply: {@code backordered}, {@code backorderedLines}). Out-of-stock is not stock at all: it is demand that was
 * refused ({@code rejectedUnitsLast30Days}) and the {@code availability} a new order would meet.
 */
public record StockView(String sku, Availability availability, int onHand, int reserved, int available,
        int backordered, int backorderedLines, long backlogLines, int inbound, int rejectedUnitsLast30Days,
        List<LocationStock> locations) {

    /** What a new order for one unit would meet right now. */
    public enum Availability {
        IN_STOCK, BACKORDERABLE, PREORDERABLE, OUT_OF_STOCK
    }

    public record LocationStock(String locationId, int onHand, int reserved, int available, int safetyStock) {
    }

    public static StockView of(Sku sku, LocalDate today, List<Stock> rows, int backordered, int backorderedLines,
            long backlogLines, int inbound, int rejectedUnits) {
        List<LocationStock> locations = rows.stream()
                .map(r -> new LocationStock(r.id.locationId, r.onHand, r.reserved, r.available(), r.safetyStock))
                .toList();
        int onHand = rows.stream().mapToInt(r -> r.onHand).sum();
        int reserved = rows.stream().mapToInt(r -> r.reserved).sum();
        int available = onHand - reserved;
        return new StockView(sku.sku, availability(sku, today, available), onHand, reserved, available, backordered,
                backorderedLines, backlogLines, inbound, rejectedUnits, locations);
    }

    private static Availability availability(Sku sku, LocalDate today, int available) {
        if (sku.isPreorderOn(today)) {
            return Availability.PREORDERABLE;
        }
        if (available > 0) {
            return Availability.IN_STOCK;
        }
        return sku.backorderPolicy == BackorderPolicy.DENY ? Availability.OUT_OF_STOCK : Availability.BACKORDERABLE;
    }
}
