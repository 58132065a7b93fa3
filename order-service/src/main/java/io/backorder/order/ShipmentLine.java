package io.backorder.order;

import static io.backorder.order.IllegalTransitionException.require;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** Units of one order line in a shipment and the amount billed for them. */
@Entity
@Table(name = "shipment_line")
public class ShipmentLine {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id")
    private Order order;

    private int seq;

    @Column(name = "shipment_id", nullable = false)
    private UUID shipmentId;

    @Column(name = "line_id", nullable = false)
    private UUID lineId;

    private int quantity;

    @Column(nullable = false)
    private BigDecimal amount;

    /** The current capture attempt; a new one replaces a failed one after the payment method was updated. */
    @Column(name = "capture_id")
    private UUID captureId;

    private boolean cancelled;

    protected ShipmentLine() {
    }

    ShipmentLine(Order order, int seq, Shipment shipment, OrderLine line, int quantity, BigDecimal amount) {
        this.id = UUID.randomUUID();
        this.order = order;
        this.seq = seq;
        this.shipmentId = shipment.id();
        this.lineId = line.id();
        this.quantity = quantity;
        this.amount = amount;
    }

    public UUID id() {
        return id;
    }

    public UUID shipmentId() {
        return shipmentId;
    }

    public UUID lineId() {
        return lineId;
    }

    public int quantity() {
        return quantity;
    }

    public BigDecimal amount() {
        return amount;
    }

    public UUID captureId() {
        return captureId;
    }

    public boolean cancelled() {
        return cancelled;
    }

    void attempt(Capture capture) {
        captureId = capture.id();
    }

    public void cancel() {
        require(!cancelled, "Shipment line %s is already cancelled", id);
        cancelled = true;
    }
}
