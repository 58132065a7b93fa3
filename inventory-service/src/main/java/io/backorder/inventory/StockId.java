package io.backorder.inventory;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
public class StockId implements Serializable {

    @Column(nullable = false)
    public String sku;

    @Column(name = "location_id", nullable = false)
    public String locationId;

    public StockId() {
    }

    public StockId(String sku, String locationId) {
        this.sku = sku;
        this.locationId = locationId;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StockId id && sku.equals(id.sku) && locationId.equals(id.locationId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sku, locationId);
    }
}
