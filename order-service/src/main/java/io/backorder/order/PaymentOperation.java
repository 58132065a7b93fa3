package io.backorder.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A call to the payment provider decided by a saga step and executed later by the payment worker. Its id is the
 * provider idempotency key, so executing it again after a crash returns the provider's first answer.
 */
@Entity
@Table(name = "payment_operation")
public class PaymentOperation {

    @Id
    public UUID id;

    @Column(name = "order_id", nullable = false)
    public UUID orderId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PaymentOperationKind kind;

    /** The hold, capture or refund this call is about (the order itself for a verification). */
    @Column(name = "target_id", nullable = false)
    public UUID targetId;

    public BigDecimal amount;

    @Column(nullable = false)
    public String currency;

    @Column(name = "payment_method")
    public String paymentMethod;

    /** The provider's authorization a capture, release or refund acts on. */
    @Column(name = "provider_ref")
    public String providerRef;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PaymentOperationStatus status;

    public int attempts;

    @Column(name = "not_before", nullable = false)
    public Instant notBefore;

    @Column(name = "last_error")
    public String lastError;

    public String outcome;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    private static PaymentOperation of(Order order, PaymentOperationKind kind, UUID target, BigDecimal amount,
            String paymentMethod, String providerRef, Instant now) {
        PaymentOperation operation = new PaymentOperation();
        operation.id = UUID.randomUUID();
        operation.orderId = order.id();
        operation.kind = kind;
        operation.targetId = target;
        operation.amount = amount;
        operation.currency = order.currency();
        operation.paymentMethod = paymentMethod;
        operation.providerRef = providerRef;
        operation.status = PaymentOperationStatus.PENDING;
        operation.notBefore = now;
        operation.createdAt = now;
        return operation;
    }

    public static PaymentOperation authorize(Order order, Hold hold, Instant now) {
        return of(order, PaymentOperationKind.AUTHORIZE, hold.id(), hold.amount(), hold.paymentMethod(), null, now);
    }

    public static PaymentOperation verify(Order order, Instant now) {
        return of(order, PaymentOperationKind.VERIFY, order.id(), null, order.paymentMethod(), null, now);
    }

    public static PaymentOperation capture(Order order, Capture capture, Hold hold, Instant now) {
        return of(order, PaymentOperationKind.CAPTURE, capture.id(), capture.amount(), hold.paymentMethod(),
                hold.providerRef(), now);
    }

    public static PaymentOperation release(Order order, Hold hold, Instant now) {
        return of(order, PaymentOperationKind.RELEASE, hold.id(), null, hold.paymentMethod(), hold.providerRef(), now);
    }

    public static PaymentOperation refund(Order order, Refund refund, Hold hold, Instant now) {
        return of(order, PaymentOperationKind.REFUND, refund.id(), refund.amount(), hold.paymentMethod(),
                hold.providerRef(), now);
    }
}
