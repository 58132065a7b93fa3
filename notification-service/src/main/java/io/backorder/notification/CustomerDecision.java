package io.backorder.notification;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.backorder.contracts.notification.OfferOptionKind;

/** What the customer chose on an offer; at most one per offer (the database enforces it too). */
@Entity
@Table(name = "customer_decision")
public class CustomerDecision {

    @Id
    @Column(name = "decision_id")
    public UUID decisionId;

    @Column(name = "offer_id", nullable = false)
    public UUID offerId;

    @Column(name = "order_id", nullable = false)
    public UUID orderId;

    @Column(name = "token_id", nullable = false)
    public UUID tokenId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OfferOptionKind option;

    @Column(name = "option_index", nullable = false)
    public int optionIndex;

    @Column(name = "line_id")
    public UUID lineId;

    @Column(name = "alternative_sku")
    public String alternativeSku;

    public BigDecimal amount;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;
}
