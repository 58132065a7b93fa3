package io.backorder.order;

import static io.backorder.order.IllegalTransitionException.require;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A shipment the platform reported. Its lines are captured first; only a confirmed shipment may leave the warehouse,
 * so a failed capture keeps the units here for the customer to fix the payment, or for the next backorder.
 */
@Entity
@Table(name = "shipment")
public class Shipment {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id")
    private Order order;

    private int seq;

    @Column(name = "external_id", nullable = false)
    private String externalId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ShipmentStatus status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    protected Shipment() {
    }

    Shipment(Order order, int seq, String externalId, Instant now) {
        this.id = UUID.randomUUID();
        this.order = order;
        this.seq = seq;
        this.externalId = externalId;
        this.status = ShipmentStatus.AWAITING_PAYMENT;
        this.createdAt = now;
    }

    public UUID id() {
        return id;
    }

    public String externalId() {
        return externalId;
    }

    public ShipmentStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant confirmedAt() {
        return confirmedAt;
    }

    public boolean isPending() {
        return status == ShipmentStatus.AWAITING_PAYMENT || status == ShipmentStatus.ON_HOLD;
    }

    public void confirm(Instant now) {
        require(isPending(), "Shipment %s is %s", externalId, status);
        status = ShipmentStatus.CONFIRMED;
        confirmedAt = now;
    }

    public void putOnHold() {
        require(isPending(), "Shipment %s is %s", externalId, status);
        status = ShipmentStatus.ON_HOLD;
    }

    public void resume() {
        require(status == ShipmentStatus.ON_HOLD, "Shipment %s is %s, not on hold", externalId, status);
        status = ShipmentStatus.AWAITING_PAYMENT;
    }

    public void cancel() {
        require(isPending(), "Shipment %s is %s", externalId, status);
        status = ShipmentStatus.CANCELLED;
    }
}
