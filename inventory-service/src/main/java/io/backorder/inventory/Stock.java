package io.backorder.inventory;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Stock of one SKU at one location. Rows are locked (in SKU, location order) before any change. */
@Entity
@Table(name = "stock")
public class Stock {

    @EmbeddedId
    public StockId id;

    @Column(name = "on_hand", nullable = false)
    public int onHand;

    @Column(nullable = false)
    public int reserved;

    @Column(name = "safety_stock", nullable = false)
    public int safetyStock;

    public static Stock empty(String sku, String locationId) {
        Stock stock = new Stock();
        stock.id = new StockId(sku, locationId);
        return stock;
    }

    public int available() {
        return onHand - reserved;
    }

    public void reserve(int units) {
        if (units < 0 || units > available()) {
            throw new IllegalStateException("Cannot reserve " + units + " of " + available() + " available "
                    + id.sku + " at " + id.locationId);
        }
        reserved += units;
    }

    public void unreserve(int units) {
        if (units < 0 || units > reserved) {
            throw new IllegalStateException("Cannot release " + units + " of " + reserved + " reserved " + id.sku);
        }
        reserved -= units;
    }

    /** Reserved units left the warehouse: they leave on-hand and the reservation together. */
    public void ship(int units) {
        unreserve(units);
        onHand -= units;
    }

    /** Changes on-hand; refuses to go below zero or below what is reserved (that would oversell). */
    public void adjustOnHand(int delta) {
        int after = onHand + delta;
        if (after < reserved) {
            throw new IllegalStateException("On hand of " + id.sku + " at " + id.locationId + " cannot drop to "
                    + after + " while " + reserved + " units are reserved");
        }
        onHand = after;
    }
}
