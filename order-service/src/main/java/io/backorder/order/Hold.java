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

/**
 * An authorization at the payment provider. Captures draw on it; {@code captured + capturing} never exceeds
 * {@code amount} (checked here and by the database).
 */
@Entity
@Table(name = "payment_hold")
public class Hold {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id")
    private Order order;

    private int seq;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private HoldStatus status;

    @Column(nullable = false)
    private BigDecimal amount;

    @Column(nullable = false)
    private BigDecimal captured;

    /** Sum of captures sent to the provider and not answered yet. */
    @Column(nullable = false)
    private BigDecimal capturing;

    @Column(name = "payment_method", nullable = false)
    private String paymentMethod;

    @Column(name = "provider_ref")
    private String providerRef;

    @Column(name = "expires_at")
    private Instant expiresAt;

    /** The hold this one renews; that one is released once this one is authorized. */
    private UUID replaces;

    @Column(nullable = false)
    private String purpose;

    private String failure;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Hold() {
    }

    Hold(Order order, int seq, BigDecimal amount, String paymentMethod, String purpose, UUID replaces, Instant now) {
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("A hold needs a positive amount");
        }
        this.id = UUID.randomUUID();
        this.order = order;
        this.seq = seq;
        this.status = HoldStatus.PENDING;
        this.amount = amount;
        this.captured = BigDecimal.ZERO;
        this.capturing = BigDecimal.ZERO;
        this.paymentMethod = paymentMethod;
        this.purpose = purpose;
        this.replaces = replaces;
        this.createdAt = now;
    }

    public UUID id() {
        return id;
    }

    public int seq() {
        return seq;
    }

    public HoldStatus status() {
        return status;
    }

    public BigDecimal amount() {
        return amount;
    }

    public BigDecimal captured() {
        return captured;
    }

    public BigDecimal capturing() {
        return capturing;
    }

    public String paymentMethod() {
        return paymentMethod;
    }

    public String providerRef() {
        return providerRef;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public UUID replaces() {
        return replaces;
    }

    public String purpose() {
        return purpose;
    }

    public String failure() {
        return failure;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** Still capturable. */
    public BigDecimal available() {
        return amount.subtract(captured).subtract(capturing);
    }

    /** Authorized and not yet given back: the money the customer sees held. */
    public BigDecimal held() {
        return status == HoldStatus.ACTIVE ? amount.subtract(captured) : BigDecimal.ZERO;
    }

    /** The provider confirmed an authorization of {@link #amount} at some point. */
    public boolean wasAuthorized() {
        return providerRef != null;
    }

    public boolean isLive() {
        return status == HoldStatus.PENDING || status == HoldStatus.ACTIVE;
    }

    public void activate(String reference, Instant expiry) {
        require(status == HoldStatus.PENDING, "Hold %s is %s, not pending", id, status);
        status = HoldStatus.ACTIVE;
        providerRef = reference;
        expiresAt = expiry;
    }

    public void decline(String reason) {
        require(status == HoldStatus.PENDING, "Hold %s is %s, not pending", id, status);
        status = HoldStatus.DECLINED;
        failure = reason;
    }

    public void expire() {
        require(status == HoldStatus.ACTIVE, "Hold %s is %s, not active", id, status);
        status = HoldStatus.EXPIRED;
    }

    public void beginRelease() {
        require(status == HoldStatus.ACTIVE && capturing.signum() == 0,
                "Hold %s cannot be released (%s, %s being captured)", id, status, capturing);
        status = HoldStatus.RELEASING;
    }

    /** Nothing is left to give back: everything authorized was captured. */
    public void closeFullyCaptured() {
        require(status == HoldStatus.ACTIVE && available().signum() == 0 && capturing.signum() == 0,
                "Hold %s is not fully captured", id);
        status = HoldStatus.RELEASED;
    }

    public void released(String note) {
        require(status == HoldStatus.RELEASING, "Hold %s is %s, not releasing", id, status);
        status = HoldStatus.RELEASED;
        failure = note;
    }

    public void reserveCapture(BigDecimal value) {
        require(status == HoldStatus.ACTIVE, "Hold %s is %s; nothing can be captured", id, status);
        require(value.signum() > 0 && value.compareTo(available()) <= 0,
                "Capture of %s exceeds the %s still available on hold %s", value, available(), id);
        capturing = capturing.add(value);
    }

    /** The provider captured: counted even if the hold expired meanwhile, since the money moved. */
    public void captureSucceeded(BigDecimal value) {
        require(value.compareTo(capturing) <= 0, "Hold %s was not capturing %s", id, value);
        capturing = capturing.subtract(value);
        captured = captured.add(value);
    }

    public void captureAbandoned(BigDecimal value) {
        require(value.compareTo(capturing) <= 0, "Hold %s was not capturing %s", id, value);
        capturing = capturing.subtract(value);
    }
}
