package io.backorder.inventory;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Reserved units of a line that left in one shipment. Its key makes a repeated shipment command a no-op. */
@Entity
@Table(name = "shipment")
public class Shipment {

    @EmbeddedId
    public Key id;

    @Column(nullable = false)
    public String sku;

    @Column(nullable = false)
    public int quantity;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Embeddable
    public static class Key implements Serializable {

        @Column(name = "shipment_id", nullable = false)
        public String shipmentId;

        @Column(name = "line_id", nullable = false)
        public UUID lineId;

        public Key() {
        }

        public Key(String shipmentId, UUID lineId) {
            this.shipmentId = shipmentId;
            this.lineId = lineId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && shipmentId.equals(key.shipmentId) && lineId.equals(key.lineId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(shipmentId, lineId);
        }
    }

    public static Shipment of(String shipmentId, UUID lineId, String sku, int quantity) {
        Shipment shipment = new Shipment();
        shipment.id = new Key(shipmentId, lineId);
        shipment.sku = sku;
        shipment.quantity = quantity;
        shipment.createdAt = Instant.now();
        return shipment;
    }
}
