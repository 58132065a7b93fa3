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

@Entity
@Table(name = "payment_refund")
public class Refund {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id")
    private Order order;

    private int seq;

    @Column(name = "capture_id", nullable = false)
    private UUID captureId;

    @Column(name = "line_id", nullable = false)
    private UUID lineId;

    @Column(nullable = false)
    private BigDecimal amount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RefundStatus status;

    @Column(name = "provider_ref")
    private String providerRef;

    private String reason;

    private String failure;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Refund() {
    }

    Refund(Order order, int seq, Capture capture, BigDecimal amount, String reason, Instant now) {
        this.id = UUID.randomUUID();
        this.order = order;
        this.seq = seq;
        this.captureId = capture.id();
        this.lineId = capture.lineId();
        this.amount = amount;
        this.reason = reason;
        this.status = RefundStatus.REQUESTED;
        this.createdAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID captureId() {
        return captureId;
    }

    public UUID lineId() {
        return lineId;
    }

    public BigDecimal amount() {
        return amount;
    }

    public RefundStatus status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    public String failure() {
        return failure;
    }

    public void succeed(String reference) {
        require(status == RefundStatus.REQUESTED, "Refund %s is %s, not requested", id, status);
        status = RefundStatus.SUCCEEDED;
        providerRef = reference;
    }

    public void fail(String why) {
        require(status == RefundStatus.REQUESTED, "Refund %s is %s, not requested", id, status);
        status = RefundStatus.FAILED;
        failure = why;
    }
}
