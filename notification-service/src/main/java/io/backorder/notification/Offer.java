package io.backorder.notification;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.backorder.contracts.notification.OfferOptionKind;

/** An offer the saga made to the customer of an order, and where it stands. */
@Entity
@Table(name = "offer")
public class Offer {

    @Id
    @Column(name = "offer_id")
    public UUID offerId;

    @Column(name = "order_id", nullable = false)
    public UUID orderId;

    /** {@link io.backorder.contracts.notification.OfferSnapshot} as JSON. */
    @Column(nullable = false, columnDefinition = "text")
    public String snapshot;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "default_option", nullable = false)
    public OfferOptionKind defaultOption;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OfferStatus status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Version
    public int version;

    public static Offer open(UUID offerId, UUID orderId, String snapshotJson, Instant expiresAt,
            OfferOptionKind defaultOption, Instant now) {
        Offer offer = new Offer();
        offer.offerId = offerId;
        offer.orderId = orderId;
        offer.snapshot = snapshotJson;
        offer.expiresAt = expiresAt;
        offer.defaultOption = defaultOption;
        offer.status = OfferStatus.OPEN;
        offer.createdAt = now;
        return offer;
    }

    /** Open and not past its expiry: the customer can still choose. */
    public boolean isOpenAt(Instant now) {
        return status == OfferStatus.OPEN && now.isBefore(expiresAt);
    }

    /** A resent offer (e.g. a reminder) may carry updated details; a closed offer keeps what it had. */
    public void refresh(String snapshotJson, Instant newExpiry, OfferOptionKind newDefault) {
        if (status == OfferStatus.OPEN) {
            snapshot = snapshotJson;
            expiresAt = newExpiry;
            defaultOption = newDefault;
        }
    }

    public void decide(Instant now) {
        if (!isOpenAt(now)) {
            throw new IllegalStateException("Offer " + offerId + " cannot be decided: it is " + describe(now));
        }
        close(OfferStatus.DECIDED, now);
    }

    /** The saga applied the default; an offer the customer decided first keeps its decision. */
    public void expire(Instant now) {
        if (status == OfferStatus.OPEN) {
            close(OfferStatus.EXPIRED, now);
        }
    }

    public void withdraw(Instant now) {
        if (status == OfferStatus.OPEN) {
            close(OfferStatus.WITHDRAWN, now);
        }
    }

    /** The status as the customer sees it: an open offer past its expiry has expired. */
    public OfferStatus statusAt(Instant now) {
        return status == OfferStatus.OPEN && !now.isBefore(expiresAt) ? OfferStatus.EXPIRED : status;
    }

    private String describe(Instant now) {
        return statusAt(now).name().toLowerCase();
    }

    private void close(OfferStatus to, Instant now) {
        status = to;
        closedAt = now;
    }
}
