package io.backorder.order;

import static io.backorder.order.IllegalTransitionException.require;

import java.math.BigDecimal;
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

/** One attempt to capture the amount of a shipment line. Refunds draw on it; never more than was captured. */
@Entity
@Table(name = "payment_capture")
public class Capture {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id")
    private Order order;

    private int seq;

    @Column(name = "shipment_id", nullable = false)
    private UUID shipmentId;

    @Column(name = "shipment_line_id", nullable = false)
    private UUID shipmentLineId;

    @Column(name = "line_id", nullable = false)
    private UUID lineId;

    @Column(name = "hold_id")
    private UUID holdId;

    @Column(nullable = false)
    private BigDecimal amount;

    @Column(nullable = false)
    private BigDecimal refunded;

    @Column(nullable = false)
    private BigDecimal refunding;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CaptureStatus status;

    @Column(name = "provider_ref")
    private String providerRef;

    private String failure;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Capture() {
    }

    Capture(Order order, int seq, ShipmentLine shipmentLine, BigDecimal amount, Instant now) {
        this.id = UUID.randomUUID();
        this.order = order;
        this.seq = seq;
        this.shipmentId = shipmentLine.shipmentId();
        this.shipmentLineId = shipmentLine.id();
        this.lineId = shipmentLine.lineId();
        this.amount = amount;
        this.refunded = BigDecimal.ZERO;
        this.refunding = BigDecimal.ZERO;
        this.status = CaptureStatus.WAITING;
        this.createdAt = now;
    }

    public UUID id() {
        return id;
    }

    public int seq() {
        return seq;
    }

    public UUID shipmentId() {
        return shipmentId;
    }

    public UUID shipmentLineId() {
        return shipmentLineId;
    }

    public UUID lineId() {
        return lineId;
    }

    public UUID holdId() {
        return holdId;
    }

    public BigDecimal amount() {
        return amount;
    }

    public BigDecimal refunded() {
        return refunded;
    }

    public BigDecimal refunding() {
        return refunding;
    }

    public CaptureStatus status() {
        return status;
    }

    public String failure() {
        return failure;
    }

    /** Captured and not refunded nor being refunded. */
    public BigDecimal refundable() {
        return status == CaptureStatus.SUCCEEDED ? amount.subtract(refunded).subtract(refunding) : BigDecimal.ZERO;
    }

    public void request(UUID hold) {
        require(status == CaptureStatus.WAITING, "Capture %s is %s, not waiting", id, status);
        status = CaptureStatus.REQUESTED;
        holdId = hold;
    }

    /** A line that costs nothing (fully discounted) needs no provider call. */
    public void settleWithoutCharge() {
        require(status == CaptureStatus.WAITING && amount.signum() == 0, "Capture %s needs the provider", id);
        status = CaptureStatus.SUCCEEDED;
    }

    public void succeed(String reference) {
        require(status == CaptureStatus.REQUESTED, "Capture %s is %s, not requested", id, status);
        status = CaptureStatus.SUCCEEDED;
        providerRef = reference;
    }

    public void fail(String reason) {
        require(status == CaptureStatus.REQUESTED, "Capture %s is %s, not requested", id, status);
        status = CaptureStatus.FAILED;
        failure = reason;
    }

    /** The hold had lapsed; a new attempt takes over. */
    public void lapse(String reason) {
        require(status == CaptureStatus.REQUESTED, "Capture %s is %s, not requested", id, status);
        status = CaptureStatus.LAPSED;
        failure = reason;
    }

    public void cancel() {
        require(status == CaptureStatus.WAITING, "Capture %s is %s; only a waiting one can be cancelled", id, status);
        status = CaptureStatus.CANCELLED;
    }

    public void reserveRefund(BigDecimal value) {
        require(value.signum() > 0 && value.compareTo(refundable()) <= 0,
                "Refund of %s exceeds the %s refundable on capture %s", value, refundable(), id);
        refunding = refunding.add(value);
    }

    public void refundSucceeded(BigDecimal value) {
        require(value.compareTo(refunding) <= 0, "Capture %s was not refunding %s", id, value);
        refunding = refunding.subtract(value);
        refunded = refunded.add(value);
    }

    public void refundAbandoned(BigDecimal value) {
        require(value.compareTo(refunding) <= 0, "Capture %s was not refunding %s", id, value);
        refunding = refunding.subtract(value);
    }
}
