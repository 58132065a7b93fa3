package io.backorder.notification;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A payment method reference the customer gave on the page after a failed capture. */
@Entity
@Table(name = "payment_method_change")
public class PaymentMethodChange {

    @Id
    public UUID id;

    @Column(name = "order_id", nullable = false)
    public UUID orderId;

    @Column(name = "token_id", nullable = false)
    public UUID tokenId;

    @Column(nullable = false)
    public String reference;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;
}
