package io.backorder.inventory;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Units reserved for one order line at one location. */
@Entity
@Table(name = "line_reservation")
public class LineReservation {

    @EmbeddedId
    public Key id;

    @Column(nullable = false)
    public int units;

    @Embeddable
    public static class Key implements Serializable {

        @Column(name = "line_id", nullable = false)
        public UUID lineId;

        @Column(name = "location_id", nullable = false)
        public String locationId;

        public Key() {
        }

        public Key(UUID lineId, String locationId) {
            this.lineId = lineId;
            this.locationId = locationId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && lineId.equals(key.lineId) && locationId.equals(key.locationId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(lineId, locationId);
        }
    }

    public static LineReservation of(UUID lineId, String locationId, int units) {
        LineReservation reservation = new LineReservation();
        reservation.id = new Key(lineId, locationId);
        reservation.units = units;
        return reservation;
    }

    /** Takes up to {@code wanted} units off this reservation; returns how many it took. */
    public int take(int wanted) {
        int taken = Math.min(wanted, units);
        units -= taken;
        return taken;
    }
}
